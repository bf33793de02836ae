/**
 * A paginated operation declares the schema of one item beside its array response, and a client
 * checks each page's items against that declared schema (it does not dig into zod's internals).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { bindOperations } from '../../../src/common/transport/bind-operations';
import { type Operation, paginatedOperation } from '../../../src/common/transport/operation';
import { createTransport } from '../../../src/common/transport/transport';
import { TrustedOrigins } from '../../../src/common/transport/trusted-origins';
import { Profile } from '../../../src/v221/profile';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const ENDPOINT = 'https://cpo.example.com/ocpi/2.2.1/widgets';

const ItemSchema = z.strictObject({ id: z.string() });
const QuerySchema = z.strictObject({ offset: z.optional(z.number()) });

/** Every operation of a version's map, with its module/role/name. */
function operationsOf(map: object, prefix = ''): [string, Operation][] {
  return Object.entries(map).flatMap(([key, value]): [string, Operation][] =>
    'method' in value ? [[`${prefix}${key}`, value as Operation]] : operationsOf(value, `${prefix}${key}.`),
  );
}

describe('paginatedOperation', () => {
  it('declares a GET of the endpoint whose response is the array of the declared item', () => {
    const list = paginatedOperation(QuerySchema, ItemSchema);
    expect(list).toMatchObject({ method: 'GET', path: '', query: QuerySchema, paginated: true });
    expect(list.item).toBe(ItemSchema);
    expect(z.safeParse(list.response, [{ id: 'a' }, { id: 'b' }]).success).toBe(true);
    expect(z.safeParse(list.response, { id: 'a' }).success).toBe(false);
    expect(z.safeParse(list.response, [{ id: 1 }]).error?.issues[0]?.path).toEqual([0, 'id']);
  });

  it('is how every list of both versions is declared: paginated exactly when an item schema is given', () => {
    const all = [...operationsOf(v211.Operations), ...operationsOf(v221.Operations)];
    const paginated = all.filter(([, op]) => op.paginated).map(([name]) => name);
    const withItem = all.filter(([, op]) => op.item !== undefined).map(([name]) => name);
    expect(paginated).toHaveLength(11);
    expect(withItem).toEqual(paginated);
    expect(v221.Operations.locations.sender.list.item).toBe(v221.LocationSchema);
    expect(v211.Operations.cdrs.cpo.list.item).toBe(v211.CDRSchema);
  });
});

describe('a bound paginated operation', () => {
  it("checks each item against the declared item schema, not the response's", async () => {
    const requested: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      requested.push(new Request(input).url);
      return Response.json({
        data: [{ id: 'a' }],
        status_code: 1000,
        timestamp: '2024-06-01T12:00:00Z',
      });
    };
    const transport = createTransport({
      profile: Profile,
      token: 'token-for-a-test',
      trustedOrigins: new TrustedOrigins([ENDPOINT]),
      fetch,
      retry: { limit: 0 },
      validation: 'strict',
    });
    // A response schema that accepts nothing: only the declared item schema can let the item through.
    const operations = {
      list: { ...paginatedOperation(QuerySchema, ItemSchema), response: z.array(z.never()) },
    };
    const client = bindOperations(transport, operations, { module: 'widgets', endpoint: () => ENDPOINT });
    const page = await client.list();
    expect(page.items).toEqual([{ id: 'a' }]);
    expect(requested).toEqual([ENDPOINT]);
  });
});

describe('src/', () => {
  it("reads no zod internals (`_zod`): schemas' parts are declared where they are needed", () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(50);
    const readers = files.filter((file) => readFileSync(path.join(SRC, file), 'utf8').includes('_zod'));
    expect(readers).toEqual([]);
  });
});
