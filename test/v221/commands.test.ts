// OCPI 2.2.1 Commands (mod_commands.asciidoc): the command bodies (built here: the spec has no example
// files for them) on mutations, in strict and lenient mode, responses and results, the operation map and
// the types.
import {
  type CancelReservation,
  CancelReservationSchema,
  CommandRequestSchemas,
  type CommandResponse,
  CommandResponseSchema,
  type CommandResponseType,
  CommandResponseTypeValues,
  type CommandResult,
  CommandResultSchema,
  type CommandResultType,
  CommandsOperations,
  type CommandType,
  CommandTypeValues,
  type DisplayText,
  Operations,
  type ReserveNow,
  ReserveNowSchema,
  type StartSession,
  StartSessionSchema,
  StopSessionSchema,
  type Token,
  TokenSchema,
  TokenTypeValues,
  UnlockConnectorSchema,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  enumMessage,
  lazyExample,
  lenientData,
  NOT_UTC,
  strictIssues,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const token = lazyExample(TokenSchema, 'token_example_1_app_user.json');
const responseUrl = 'https://emsp.example.com/ocpi/emsp/2.2.1/commands/START_SESSION/1234';

const startSession = fromSpec(
  (): StartSession => ({
    response_url: responseUrl,
    token: token(),
    location_id: 'LOC1',
    evse_uid: '3256',
    connector_id: '1',
    authorization_reference: 'AUTH-0001',
  }),
);

const reserveNow = fromSpec(
  (): ReserveNow => ({
    response_url: responseUrl,
    token: token(),
    expiry_date: '2019-06-24T14:00:00Z',
    reservation_id: 'R-42',
    location_id: 'LOC1',
  }),
);

describeMutations({
  name: 'StartSession',
  schema: StartSessionSchema,
  valid: startSession,
  missing: { path: 'location_id', message: 'required string is missing' },
  tooLong: { path: 'connector_id', max: 36 },
  badEnum: { path: 'token.type', values: TokenTypeValues, required: true },
  timestamp: {
    path: 'token.last_updated',
    withOffset: '2018-12-10T19:25:10+02:00',
    utc: '2018-12-10T17:25:10Z',
  },
  wrongType: { path: 'token', value: '012345678', message: 'expected object, received string' },
  nullOptional: { path: 'authorization_reference' },
  unknownFieldIn: 'token',
});

describeMutations({
  name: 'CommandResponse',
  schema: CommandResponseSchema,
  valid: { result: 'ACCEPTED', timeout: 30, message: [{ language: 'en', text: 'Command sent' }] },
  missing: { path: 'timeout', message: 'required number is missing' },
  tooLong: { path: 'message[0].text', max: 512 },
  badEnum: { path: 'result', values: CommandResponseTypeValues, required: true },
  wrongType: { path: 'message', value: 'Command sent', message: 'expected array, received string' },
  nullOptional: { path: 'message' },
  unknownFieldIn: '',
  lenientDrops: { wrongType: 'message' },
});

describe('Command bodies: what the spec tables add', () => {
  it('takes a StartSession without EVSE, connector or authorization reference', () => {
    expect(
      strictIssues(StartSessionSchema, { response_url: responseUrl, token: token(), location_id: 'LOC1' }),
    ).toEqual([]);
  });

  it('refuses a relative response_url', () => {
    expect(
      strictIssues(StartSessionSchema, withValue(startSession(), 'response_url', '/commands/1234')),
    ).toEqual([{ path: 'response_url', message: 'must be an absolute URL' }]);
  });

  it('takes a ReserveNow and refuses an expiry_date with an offset', () => {
    expect(strictIssues(ReserveNowSchema, reserveNow())).toEqual([]);
    expect(
      strictIssues(ReserveNowSchema, withValue(reserveNow(), 'expiry_date', '2019-06-24T16:00:00+02:00')),
    ).toEqual([{ path: 'expiry_date', message: NOT_UTC }]);
  });

  it('needs the EVSE and connector to unlock, and the reservation to cancel', () => {
    const unlock = { response_url: responseUrl, location_id: 'LOC1', evse_uid: '3256', connector_id: '1' };
    expect(strictIssues(UnlockConnectorSchema, unlock)).toEqual([]);
    const { evse_uid: _evse, ...withoutEvse } = unlock;
    expect(strictIssues(UnlockConnectorSchema, withoutEvse)).toEqual([
      { path: 'evse_uid', message: 'required string is missing' },
    ]);
    expect(strictIssues(CancelReservationSchema, { response_url: responseUrl })).toEqual([
      { path: 'reservation_id', message: 'required string is missing' },
    ]);
    expect(
      strictIssues(StopSessionSchema, { response_url: responseUrl, session_id: 'S'.repeat(36) }),
    ).toEqual([]);
  });

  it('gives CommandResponse no TIMEOUT (2.2.1 moved it to CommandResult) and a whole-second timeout', () => {
    expect(strictIssues(CommandResponseSchema, { result: 'TIMEOUT', timeout: 30 })).toEqual([
      { path: 'result', message: enumMessage(CommandResponseTypeValues) },
    ]);
    expect(strictIssues(CommandResultSchema, { result: 'TIMEOUT' })).toEqual([]);
    expect(strictIssues(CommandResponseSchema, { result: 'ACCEPTED', timeout: 2.5 })).toEqual([
      { path: 'timeout', message: 'expected int, received number' },
    ]);
  });

  it('wants evse_uid in a StartSession that names a connector_id', () => {
    const noEvse = withValue(startSession(), 'evse_uid', undefined);
    const issue = { path: 'evse_uid', message: 'is required when connector_id is set' };
    expect(strictIssues(StartSessionSchema, noEvse)).toEqual([issue]);
    expect(strictIssues(CommandRequestSchemas.START_SESSION, noEvse)).toEqual([issue]);
    expect(strictIssues(CommandsOperations.receiver.startSession.request, noEvse)).toEqual([issue]);
    expect(
      lenientData(StartSessionSchema, noEvse).issues.map(({ action, path }) => `${action} ${path}`),
    ).toEqual(['kept evse_uid']);
    expect(strictIssues(StartSessionSchema, withValue(noEvse, 'connector_id', undefined))).toEqual([]);
  });

  it('names each command body by its CommandType', () => {
    expect(Object.keys(CommandRequestSchemas).sort()).toEqual([...CommandTypeValues].sort());
    expect(CommandRequestSchemas).toEqual({
      CANCEL_RESERVATION: CancelReservationSchema,
      RESERVE_NOW: ReserveNowSchema,
      START_SESSION: StartSessionSchema,
      STOP_SESSION: StopSessionSchema,
      UNLOCK_CONNECTOR: UnlockConnectorSchema,
    });
  });
});

describe('CommandsOperations (mod_commands.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_commands.asciidoc'));

  it('offers the methods the interface tables list: POST on both sides', () => {
    expect(spec()).toEqual({ receiver: ['POST'], sender: ['POST'] });
    expect(methodsOf(CommandsOperations.receiver)).toEqual(spec().receiver);
    expect(methodsOf(CommandsOperations.sender)).toEqual(spec().sender);
    expect(Operations.commands).toBe(CommandsOperations);
  });

  it('takes each command as a POST on {endpoint}/{command}, answered with a CommandResponse', () => {
    expect(summarise(CommandsOperations.receiver)).toEqual({
      cancelReservation: 'POST {endpoint}/CANCEL_RESERVATION',
      reserveNow: 'POST {endpoint}/RESERVE_NOW',
      startSession: 'POST {endpoint}/START_SESSION',
      stopSession: 'POST {endpoint}/STOP_SESSION',
      unlockConnector: 'POST {endpoint}/UNLOCK_CONNECTOR',
    });
    for (const operation of Object.values(CommandsOperations.receiver)) {
      const command = operation.path.slice(1) as CommandType;
      expect(operation.request).toBe(CommandRequestSchemas[command]);
      expect(operation.response).toBe(CommandResponseSchema);
    }
  });

  it('sends the CommandResult later to the response_url the command carried', () => {
    expect(summarise(CommandsOperations.sender)).toEqual({ postResult: 'POST {response_url}' });
    expect(CommandsOperations.sender.postResult.request).toBe(CommandResultSchema);
    expect(CommandsOperations.sender.postResult).not.toHaveProperty('response');
  });
});

describe('Commands types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf<StartSession['token']>().toEqualTypeOf<Token>();
    expectTypeOf<StartSession['evse_uid']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ReserveNow['expiry_date']>().toEqualTypeOf<string>();
    expectTypeOf<CancelReservation['reservation_id']>().toEqualTypeOf<string>();
    expectTypeOf<CommandResponse['timeout']>().toEqualTypeOf<number>();
    expectTypeOf<CommandResponse['message']>().toEqualTypeOf<DisplayText[] | undefined>();
    expectTypeOf<CommandResult['result']>().toEqualTypeOf<CommandResultType>();
    expectTypeOf<CommandResponseType>().toEqualTypeOf<
      'NOT_SUPPORTED' | 'REJECTED' | 'ACCEPTED' | 'UNKNOWN_SESSION'
    >();
    expectTypeOf<CommandType>().toEqualTypeOf<
      'CANCEL_RESERVATION' | 'RESERVE_NOW' | 'START_SESSION' | 'STOP_SESSION' | 'UNLOCK_CONNECTOR'
    >();
    expectTypeOf<RequiredKeys<StartSession>>().toEqualTypeOf<'response_url' | 'token' | 'location_id'>();
    expectTypeOf<RequiredKeys<CommandResponse>>().toEqualTypeOf<'result' | 'timeout'>();
    expect(strictIssues(StartSessionSchema, startSession())).toEqual([]);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: TIMEOUT is a CommandResultType, not a CommandResponseType
    const result: CommandResponseType = 'TIMEOUT';
    // @ts-expect-error: a CommandResponse needs a timeout
    const response: CommandResponse = { result: 'ACCEPTED' };
    // @ts-expect-error: the token of a StartSession is a Token object
    const start: StartSession = { ...startSession(), token: token().uid };
    expect(CommandResponseSchema.safeParse({ result, timeout: 30 }).success).toBe(false);
    expect(CommandResponseSchema.safeParse(response).success).toBe(false);
    expect(StartSessionSchema.safeParse(start).success).toBe(false);
  });
});
