// Reads the method tables of the 2.2.1 interfaces at test time, and summarises an operation map so that a
// test can compare both. The spec lists, per interface, each HTTP method with a description or "n/a".
import type { HttpMethod, Operation } from '@org/ocpi';
import type * as z from 'zod/mini';
import { readSpecFile } from './spec';

/** Which side of a module an interface table belongs to; `both` where the spec names no role. */
export type InterfaceSide = 'sender' | 'receiver' | 'both';

const METHOD_ROW = /^\|\s*(?:<<[^,>]+,)?(GET|POST|PUT|PATCH|DELETE)(?:>>)?\s*\|\s*(.*)$/;

/**
 * The methods each interface of a spec file implements: the rows of its `|Method |Description` tables
 * whose description is not "n/a", by the heading they stand under (Sender or Receiver Interface).
 */
export function specInterfaceMethods(file: string): Partial<Record<InterfaceSide, HttpMethod[]>> {
  const found: Partial<Record<InterfaceSide, Set<HttpMethod>>> = {};
  let side: InterfaceSide = 'both';
  let table: Set<HttpMethod> | undefined;
  for (const line of readSpecFile('2.2.1', file).split('\n')) {
    if (/^=+ /.test(line)) {
      side = /Sender Interface/.test(line) ? 'sender' : /Receiver Interface/.test(line) ? 'receiver' : 'both';
    } else if (/^\|\s*Method\s*\|\s*Description/.test(line)) {
      table = found[side] ?? new Set();
      found[side] = table;
    } else if (table && line.startsWith('|===')) {
      table = undefined;
    } else if (table) {
      const row = METHOD_ROW.exec(line);
      if (row && !/^n\/a/i.test(row[2]?.trim() ?? '')) table.add(row[1] as HttpMethod);
    }
  }
  const result: Partial<Record<InterfaceSide, HttpMethod[]>> = {};
  for (const [key, methods] of Object.entries(found)) {
    result[key as InterfaceSide] = [...methods].sort();
  }
  return result;
}

/** The distinct methods of a group of operations, sorted, to compare with {@link specInterfaceMethods}. */
export function methodsOf(operations: Record<string, Operation>): HttpMethod[] {
  return [...new Set(Object.values(operations).map((operation) => operation.method))].sort();
}

/**
 * Each operation of a group as one readable line, for an exact comparison: `GET {endpoint}/{location_id}`
 * below the module's endpoint URL, `POST {response_url}` where the URL comes from elsewhere, and
 * `(paginated)` after the list GETs.
 */
export function summarise(operations: Record<string, Operation>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => {
      const url = operation.externalUrl ? operation.path : `{endpoint}${operation.path}`;
      return [name, `${operation.method} ${url}${operation.paginated ? ' (paginated)' : ''}`];
    }),
  );
}

/** The item schema of an array schema (a list response), or undefined when it is not an array. */
export function elementOf(schema: z.ZodMiniType | undefined): unknown {
  const def = (schema as { _zod?: { def?: { type?: string; element?: unknown } } } | undefined)?._zod?.def;
  return def?.type === 'array' ? def.element : undefined;
}
