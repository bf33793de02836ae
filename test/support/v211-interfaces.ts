// Reads the method tables of the 2.1.1 interfaces at test time, to compare with the operation maps. The
// 2.1.1 markdown lists, per interface (CPO Interface, eMSP Interface), each HTTP method with a
// description or "n/a". The summaries of an operation map are the 2.2.1 helpers, shared.
import type { HttpMethod } from '@org/ocpi';
import { readSpecFile } from './spec';

export { elementOf, methodsOf, summarise } from './v221-interfaces';

/** Which interface a method table belongs to; `both` where the spec names none (credentials, versions). */
export type InterfaceSide211 = 'cpo' | 'emsp' | 'both';

const METHOD_ROW = /^\|\s*\[?(GET|POST|PUT|PATCH|DELETE)\]?(?:\([^)]*\))?\s*\|\s*(.*)$/;

/**
 * The methods each interface of a 2.1.1 spec file implements: the rows of its `| Method | Description`
 * tables whose description is not "n/a", by the heading they stand under.
 */
export function specInterfaceMethods211(file: string): Partial<Record<InterfaceSide211, HttpMethod[]>> {
  const found: Partial<Record<InterfaceSide211, Set<HttpMethod>>> = {};
  let side: InterfaceSide211 = 'both';
  let table: Set<HttpMethod> | undefined;
  for (const line of readSpecFile('2.1.1', file).split('\n')) {
    if (line.startsWith('#')) {
      side = /CPO Interface/i.test(line) ? 'cpo' : /eMSP Interface/i.test(line) ? 'emsp' : 'both';
      table = undefined;
    } else if (/^\|\s*Method\s*\|\s*Description/.test(line)) {
      table = found[side] ?? new Set();
      found[side] = table;
    } else if (table && !line.startsWith('|')) {
      table = undefined;
    } else if (table) {
      const row = METHOD_ROW.exec(line);
      if (row && !/^n\/a/i.test(row[2]?.trim() ?? '')) table.add(row[1] as HttpMethod);
    }
  }
  const result: Partial<Record<InterfaceSide211, HttpMethod[]>> = {};
  for (const [key, methods] of Object.entries(found)) {
    result[key as InterfaceSide211] = [...methods].sort();
  }
  return result;
}
