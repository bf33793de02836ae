// What the answering side must answer in every runtime (server-checks.ts), as literal values: shared by
// the Bun and Deno suite and the edge runtime's, so each runtime is held to these and not only to Node.
import { expect } from 'vitest';
import type { ServerReport } from './server-checks';

const none = { statusMessage: null, link: null, totalCount: null, limit: null };
const BASE = 'https://cpo.example.com/ocpi';

export function expectServerReport(server: ServerReport): void {
  expect(server.versions).toEqual({ httpStatus: 200, statusCode: 1000, ...none, data: ['2.2.1'] });
  expect(server.details).toEqual({
    httpStatus: 200,
    statusCode: 1000,
    ...none,
    data: '2.2.1',
    endpoints: [
      `credentials SENDER ${BASE}/2.2.1/credentials`,
      `locations SENDER ${BASE}/2.2.1/sender/locations`,
      `tokens RECEIVER ${BASE}/2.2.1/receiver/tokens`,
    ],
  });
  // The partner asked for 5; the handler's maxPageLimit is 2.
  expect(server.page).toEqual({
    httpStatus: 200,
    statusCode: 1000,
    statusMessage: null,
    link: `<${BASE}/2.2.1/sender/locations?offset=2&limit=2>; rel="next"`,
    totalCount: '3',
    limit: '2',
    data: ['LOC1', 'LOC2'],
  });
  expect(server.object).toEqual({ httpStatus: 200, statusCode: 1000, ...none, data: 'LOC2' });
  expect(server.put).toEqual({ httpStatus: 201, statusCode: 1000, ...none, data: null, stored: ['TOK1'] });
  expect(server.unauthorized).toMatchObject({ httpStatus: 401, statusCode: 2000, data: null });
  expect(server.refused).toMatchObject({ statusCode: 2001, data: null });
  expect(server.refused.statusMessage).toMatch(/token_uid/);
}
