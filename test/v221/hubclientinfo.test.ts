// OCPI 2.2.1 HubClientInfo (mod_hub_client_info.asciidoc): the ClientInfo object (built here: the spec's
// only example is inline, and not valid JSON) on mutations, in strict and lenient mode, the operation map
// and the types.
import { parseList } from '@org/ocpi';
import {
  type ClientInfo,
  ClientInfoSchema,
  type ConnectionStatus,
  ConnectionStatusValues,
  HubClientInfoOperations,
  ListQuerySchema,
  Operations,
  type Role,
  RoleValues,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  enumMessage,
  lenientFailure,
  strictIssues,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const clientInfo: ClientInfo = {
  party_id: 'ALL',
  country_code: 'NL',
  role: 'CPO',
  status: 'PLANNED',
  last_updated: '2019-06-24T12:39:09Z',
};

describeMutations({
  name: 'ClientInfo',
  schema: ClientInfoSchema,
  valid: clientInfo,
  missing: { path: 'country_code', message: 'required string is missing' },
  tooLong: { path: 'party_id', max: 3 },
  badEnum: { path: 'status', values: ConnectionStatusValues, required: true },
  timestamp: { path: 'last_updated', withOffset: '2019-06-24T14:39:09+02:00', utc: '2019-06-24T12:39:09Z' },
  wrongType: { path: 'party_id', value: 123, message: 'expected string, received number' },
  unknownFieldIn: '',
});

describe('ClientInfo: what the spec tables add', () => {
  it('has no optional field: a null anywhere fails, even leniently', () => {
    expect(lenientFailure(ClientInfoSchema, withValue(clientInfo, 'party_id', null))).toEqual([
      { path: 'party_id', message: 'expected string, received null' },
    ]);
    expect(lenientFailure(ClientInfoSchema, withValue(clientInfo, 'last_updated', null))).toEqual([
      { path: 'last_updated', message: 'expected string, received null' },
    ]);
  });

  it('takes every Role, including the 2.2.1 HUB, NAP, NSP and SCSP', () => {
    for (const role of RoleValues) {
      expect(strictIssues(ClientInfoSchema, withValue(clientInfo, 'role', role))).toEqual([]);
    }
    expect(strictIssues(ClientInfoSchema, withValue(clientInfo, 'role', 'MSP'))).toEqual([
      { path: 'role', message: enumMessage(RoleValues) },
    ]);
  });

  it('refuses a country code of 3 letters (CiString(2))', () => {
    expect(strictIssues(ClientInfoSchema, withValue(clientInfo, 'country_code', 'NLD'))).toEqual([
      { path: 'country_code', message: 'must have at most 2 characters' },
      { path: 'country_code', message: 'must be an assigned ISO 3166-1 alpha-2 country code (two letters)' },
    ]);
  });

  it('keeps the other parties of the Hub list when one is broken', () => {
    const list = [clientInfo, withValue(clientInfo, 'status', 42), withValue(clientInfo, 'party_id', 'TNM')];
    const { items, rejected } = parseList(ClientInfoSchema, list, { mode: 'strict', subject: 'ClientInfo' });
    expect(items.map((item) => item.party_id)).toEqual(['ALL', 'TNM']);
    expect(
      rejected.map(({ index, error }) => ({ index, paths: error.issues.map((issue) => issue.path) })),
    ).toEqual([{ index: 1, paths: ['status'] }]);
  });
});

describe('HubClientInfoOperations (mod_hub_client_info.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_hub_client_info.asciidoc'));

  it('offers the methods the interface tables list: Receiver GET, PUT; Sender GET', () => {
    expect(spec()).toEqual({ receiver: ['GET', 'PUT'], sender: ['GET'] });
    expect(methodsOf(HubClientInfoOperations.receiver)).toEqual(spec().receiver);
    expect(methodsOf(HubClientInfoOperations.sender)).toEqual(spec().sender);
    expect(Operations.hubclientinfo).toBe(HubClientInfoOperations);
  });

  it('has GET and PUT on {country_code}/{party_id} on every connected party, and the paginated list on the Hub', () => {
    expect(summarise(HubClientInfoOperations.receiver)).toEqual({
      getClientInfo: 'GET {endpoint}/{country_code}/{party_id}',
      putClientInfo: 'PUT {endpoint}/{country_code}/{party_id}',
    });
    expect(summarise(HubClientInfoOperations.sender)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(HubClientInfoOperations.receiver.getClientInfo.response).toBe(ClientInfoSchema);
    expect(HubClientInfoOperations.receiver.putClientInfo.request).toBe(ClientInfoSchema);
    expect(HubClientInfoOperations.sender.list.query).toBe(ListQuerySchema);
    expect(elementOf(HubClientInfoOperations.sender.list.response)).toBe(ClientInfoSchema);
  });
});

describe('HubClientInfo types', () => {
  it('types every field as required, and the enums as the spec lists them', () => {
    expectTypeOf<ClientInfo['role']>().toEqualTypeOf<Role>();
    expectTypeOf<ClientInfo['status']>().toEqualTypeOf<ConnectionStatus>();
    expectTypeOf<ConnectionStatus>().toEqualTypeOf<'CONNECTED' | 'OFFLINE' | 'PLANNED' | 'SUSPENDED'>();
    expectTypeOf<RequiredKeys<ClientInfo>>().toEqualTypeOf<
      'party_id' | 'country_code' | 'role' | 'status' | 'last_updated'
    >();
    expect(strictIssues(ClientInfoSchema, clientInfo)).toEqual([]);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: ConnectionStatus has no ONLINE
    const status: ConnectionStatus = 'ONLINE';
    // @ts-expect-error: last_updated is required
    const info: ClientInfo = { party_id: 'ALL', country_code: 'NL', role: 'CPO', status: 'CONNECTED' };
    expect(ClientInfoSchema.safeParse({ ...clientInfo, status }).success).toBe(false);
    expect(ClientInfoSchema.safeParse(info).success).toBe(false);
  });
});
