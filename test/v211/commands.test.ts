// OCPI 2.1.1 Commands (mod_commands.md): the command bodies (built here: the 2.1.1 spec has no JSON
// examples for them) on mutations, in strict and lenient mode, the CommandResponse that answers a command
// at once and later carries its result to response_url, the operation map and the types.
import {
  CommandRequestSchemas,
  type CommandResponse,
  CommandResponseSchema,
  type CommandResponseType,
  CommandResponseTypeSchema,
  CommandResponseTypeValues,
  CommandsOperations,
  type CommandType,
  CommandTypeSchema,
  CommandTypeValues,
  Operations,
  type ReserveNow,
  ReserveNowSchema,
  type StartSession,
  StartSessionSchema,
  type StopSession,
  StopSessionSchema,
  type Token,
  TokenSchema,
  TokenTypeValues,
  type UnlockConnector,
  UnlockConnectorSchema,
  WhitelistTypeValues,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  enumMessage,
  lazyExample211,
  lenientData,
  NOT_UTC,
  strictIssues,
  withValue,
} from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const token = lazyExample211(TokenSchema, 'mod_tokens.md', 2);
const responseUrl = 'https://emsp.example.com/ocpi/emsp/2.1.1/commands/START_SESSION/1234';

const startSession = fromSpec(
  (): StartSession => ({
    response_url: responseUrl,
    token: token(),
    location_id: 'LOC1',
    evse_uid: '3256',
  }),
);

const reserveNow = fromSpec(
  (): ReserveNow => ({
    response_url: responseUrl,
    token: token(),
    expiry_date: '2015-06-29T21:00:00Z',
    reservation_id: 42,
    location_id: 'LOC1',
    evse_uid: '3256',
  }),
);

describeMutations({
  name: 'StartSession',
  schema: StartSessionSchema,
  valid: startSession,
  missing: { path: 'location_id', message: 'required string is missing' },
  tooLong: { path: 'evse_uid', max: 39 },
  badEnum: { path: 'token.type', values: TokenTypeValues, required: true },
  timestamp: {
    path: 'token.last_updated',
    withOffset: '2015-06-30T00:39:09+02:00',
    utc: '2015-06-29T22:39:09Z',
  },
  wrongType: { path: 'token', value: '012345678', message: 'expected object, received string' },
  nullOptional: { path: 'evse_uid' },
  unknownFieldIn: 'token',
});

describeMutations({
  name: 'ReserveNow',
  schema: ReserveNowSchema,
  valid: reserveNow,
  missing: { path: 'reservation_id', message: 'required number is missing' },
  tooLong: { path: 'location_id', max: 39 },
  badEnum: { path: 'token.whitelist', values: WhitelistTypeValues, required: true },
  timestamp: { path: 'expiry_date', withOffset: '2015-06-29T23:00:00+02:00', utc: '2015-06-29T21:00:00Z' },
  wrongType: { path: 'reservation_id', value: '42', message: 'expected number, received string' },
  nullOptional: { path: 'evse_uid' },
  unknownFieldIn: '',
});

describe('Command bodies: what the 2.1.1 spec tables add', () => {
  it('takes a StartSession without EVSE, and none of the 2.2.1 connector_id or authorization_reference', () => {
    expect(
      strictIssues(StartSessionSchema, { response_url: responseUrl, token: token(), location_id: 'LOC1' }),
    ).toEqual([]);
    expect(
      strictIssues(StartSessionSchema, {
        ...startSession(),
        connector_id: '1',
        authorization_reference: 'A1',
      }),
    ).toEqual([
      { path: 'connector_id', message: 'unknown field' },
      { path: 'authorization_reference', message: 'unknown field' },
    ]);
  });

  it('refuses a relative response_url', () => {
    expect(
      strictIssues(StartSessionSchema, withValue(startSession(), 'response_url', '/commands/1234')),
    ).toEqual([{ path: 'response_url', message: 'must be an absolute URL' }]);
  });

  it('gives ReserveNow an integer reservation_id (2.2.1: a string) and a UTC expiry_date', () => {
    expect(strictIssues(ReserveNowSchema, withValue(reserveNow(), 'reservation_id', 4.2))).toEqual([
      { path: 'reservation_id', message: 'expected int, received number' },
    ]);
    expect(strictIssues(ReserveNowSchema, withValue(reserveNow(), 'expiry_date', 'tomorrow'))).toEqual([
      { path: 'expiry_date', message: NOT_UTC },
    ]);
  });

  it('needs the EVSE and connector to unlock, and the session to stop', () => {
    const unlock: UnlockConnector = {
      response_url: responseUrl,
      location_id: 'LOC1',
      evse_uid: '3256',
      connector_id: '1',
    };
    expect(strictIssues(UnlockConnectorSchema, unlock)).toEqual([]);
    const { evse_uid: _evse, ...withoutEvse } = unlock;
    expect(strictIssues(UnlockConnectorSchema, withoutEvse)).toEqual([
      { path: 'evse_uid', message: 'required string is missing' },
    ]);
    const stop: StopSession = { response_url: responseUrl, session_id: 'S'.repeat(36) };
    expect(strictIssues(StopSessionSchema, stop)).toEqual([]);
    expect(strictIssues(StopSessionSchema, withValue(stop, 'session_id', 'S'.repeat(37)))).toEqual([
      { path: 'session_id', message: 'must have at most 36 characters' },
    ]);
  });

  it('names each command body by its CommandType, with no CANCEL_RESERVATION (added in 2.2)', () => {
    expect(Object.keys(CommandRequestSchemas).sort()).toEqual([...CommandTypeValues].sort());
    expect(CommandRequestSchemas).toEqual({
      RESERVE_NOW: ReserveNowSchema,
      START_SESSION: StartSessionSchema,
      STOP_SESSION: StopSessionSchema,
      UNLOCK_CONNECTOR: UnlockConnectorSchema,
    });
    expect(CommandTypeSchema.safeParse('CANCEL_RESERVATION').success).toBe(false);
  });
});

describe('CommandResponse (mod_commands.md 3.1): only a result', () => {
  it('takes each CommandResponseType, TIMEOUT included (2.2.1 moved it to CommandResult)', () => {
    for (const result of CommandResponseTypeValues) {
      expect(strictIssues(CommandResponseSchema, { result })).toEqual([]);
    }
    expect(CommandResponseTypeValues).toContain('TIMEOUT');
  });

  it('refuses the 2.2.1 timeout and message strictly and drops them leniently', () => {
    const response = { result: 'ACCEPTED', timeout: 30, message: [{ language: 'en', text: 'Sent' }] };
    expect(strictIssues(CommandResponseSchema, response)).toEqual([
      { path: 'timeout', message: 'unknown field' },
      { path: 'message', message: 'unknown field' },
    ]);
    expect(lenientData(CommandResponseSchema, response).data).toEqual({ result: 'ACCEPTED' });
  });

  it('refuses a missing or unknown result strictly, keeps an unknown one leniently', () => {
    expect(strictIssues(CommandResponseSchema, {}).map((issue) => issue.path)).toEqual(['result']);
    expect(strictIssues(CommandResponseSchema, { result: 'EXPIRED' })).toEqual([
      { path: 'result', message: enumMessage(CommandResponseTypeValues) },
    ]);
    expect(lenientData(CommandResponseSchema, { result: 'EXPIRED' }).issues).toEqual([
      { path: 'result', action: 'kept', message: `${enumMessage(CommandResponseTypeValues)} (kept)` },
    ]);
  });
});

describe('CommandsOperations (mod_commands.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_commands.md'));

  it('offers the methods the interface tables list: POST on both interfaces', () => {
    expect(spec()).toEqual({ cpo: ['POST'], emsp: ['POST'] });
    expect(methodsOf(CommandsOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(CommandsOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.commands).toBe(CommandsOperations);
  });

  it('takes each command as a POST on {endpoint}/{command} on the CPO, answered with a CommandResponse', () => {
    expect(summarise(CommandsOperations.cpo)).toEqual({
      reserveNow: 'POST {endpoint}/RESERVE_NOW',
      startSession: 'POST {endpoint}/START_SESSION',
      stopSession: 'POST {endpoint}/STOP_SESSION',
      unlockConnector: 'POST {endpoint}/UNLOCK_CONNECTOR',
    });
    for (const operation of Object.values(CommandsOperations.cpo)) {
      const command = operation.path.slice(1) as CommandType;
      expect(operation.request).toBe(CommandRequestSchemas[command]);
      expect(operation.response).toBe(CommandResponseSchema);
    }
  });

  it('sends the result later as a CommandResponse POSTed to the response_url the command carried', () => {
    expect(summarise(CommandsOperations.emsp)).toEqual({ postResult: 'POST {response_url}' });
    expect(CommandsOperations.emsp.postResult.request).toBe(CommandResponseSchema);
    expect(CommandsOperations.emsp.postResult).not.toHaveProperty('response');
  });
});

describe('Commands types', () => {
  it('types required fields, optional fields and enums as the spec tables do', () => {
    expectTypeOf<StartSession['token']>().toEqualTypeOf<Token>();
    expectTypeOf<StartSession['evse_uid']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ReserveNow['expiry_date']>().toEqualTypeOf<string>();
    expectTypeOf<ReserveNow['reservation_id']>().toEqualTypeOf<number>();
    expectTypeOf<UnlockConnector['connector_id']>().toEqualTypeOf<string>();
    expectTypeOf<CommandResponse>().toEqualTypeOf<{ result: CommandResponseType }>();
    expectTypeOf<CommandResponseType>().toEqualTypeOf<
      'NOT_SUPPORTED' | 'REJECTED' | 'ACCEPTED' | 'TIMEOUT' | 'UNKNOWN_SESSION'
    >();
    expectTypeOf<CommandType>().toEqualTypeOf<
      'RESERVE_NOW' | 'START_SESSION' | 'STOP_SESSION' | 'UNLOCK_CONNECTOR'
    >();
    expectTypeOf<RequiredKeys<StartSession>>().toEqualTypeOf<'response_url' | 'token' | 'location_id'>();
    expectTypeOf<RequiredKeys<ReserveNow>>().toEqualTypeOf<
      'response_url' | 'token' | 'expiry_date' | 'reservation_id' | 'location_id'
    >();
    expect(strictIssues(StartSessionSchema, startSession())).toEqual([]);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: CANCEL_RESERVATION is a 2.2.1 command
    const command: CommandType = 'CANCEL_RESERVATION';
    // @ts-expect-error: a 2.1.1 CommandResponse has no timeout
    const response: CommandResponse = { result: 'ACCEPTED', timeout: 30 };
    // @ts-expect-error: the token of a StartSession is a Token object
    const start: StartSession = { ...startSession(), token: token().uid };
    // @ts-expect-error: a CommandResponseType is one of the spec's values
    const result: CommandResponseType = 'EXPIRED';
    expect(CommandTypeSchema.safeParse(command).success).toBe(false);
    expect(CommandResponseSchema.safeParse(response).success).toBe(false);
    expect(StartSessionSchema.safeParse(start).success).toBe(false);
    expect(CommandResponseTypeSchema.safeParse(result).success).toBe(false);
  });
});
