// The registration handler's `unknownFields` (issue #12): an initiator's credentials with a field the
// spec does not define are accepted in either mode by default (the field is not stored), and refused
// with 2001 only when the handler asks for `reject`.
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../support/msw';
import {
  credentials221,
  INITIATOR,
  partnerRequest,
  readEnvelope,
  serveInitiator,
  setup,
  TOKEN_A,
} from './support';

const { server } = useMswServer();
const TOKEN_B = 'token-b-8d2e61f0-from-the-initiator';
const body = () => ({ ...credentials221(TOKEN_B, INITIATOR), help_phone: '+31 30 000 0000' });

describe('POST credentials with an extension field', () => {
  it.each(['strict', 'lenient'] as const)(
    '%s, by default: registered, the field not stored',
    async (validation) => {
      const { handle, store } = await setup({ validation });
      serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
      const request = partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body: body() });
      expect((await readEnvelope(await handle(request), 200)).status_code).toBe(1000);
      const [record] = store.all();
      expect(record?.status).toBe('registered');
      expect(JSON.stringify(record)).not.toContain('help_phone');
    },
  );

  it.each(['strict', 'lenient'] as const)('%s with reject: 2001 naming the field', async (validation) => {
    const { handle, store } = await setup({ validation, unknownFields: 'reject' });
    const request = partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body: body() });
    expect(await readEnvelope(await handle(request), 200)).toMatchObject({
      status_code: 2001,
      status_message: 'Invalid credentials: help_phone: unknown field',
    });
    expect(store.all().map(({ status }) => status)).toEqual(['invited']);
  });
});
