import type * as z from 'zod/mini';
import { OcpiInvalidResponseError } from '../errors/ocpi-invalid-response-error';
import { OcpiMissingEndpointError } from '../errors/ocpi-missing-endpoint-error';
import type { ValidationSetting } from '../schema/lenient-types';
import { parsePayload, type UnknownFields } from '../schema/parse';
import { trimTrailing } from '../text/trim-trailing';
import type { Operation } from './operation';
import { PageRequest } from './page-request';
import { firstPage, paginatePages } from './paginate';
import { type QueryWithDates, withDatesAsDateTimes } from './query-dates';
import type { CallOptions, Transport, TransportResponse } from './transport';
import type { ClientCalls } from './typed-calls';

/** The names of the `{placeholders}` in an operation's path. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParams<Rest>
  : never;

// An object with no keys: `NoArguments extends T` holds when every key of T is optional.
type NoArguments = Record<never, never>;
type Input<S> = S extends z.ZodMiniType ? z.input<S> : never;

// Each part of the argument is there only where the operation has it, so that a hover shows what to pass.
type ParamsArg<P extends string> = [PathParams<P>] extends [never]
  ? NoArguments
  : { params: { [Name in PathParams<P>]: string } };
type QueryArg<S> = S extends z.ZodMiniType
  ? NoArguments extends Input<S>
    ? { query?: QueryWithDates<Input<S>> }
    : { query: QueryWithDates<Input<S>> }
  : NoArguments;
type BodyArg<S> = S extends z.ZodMiniType
  ? undefined extends Input<S>
    ? { body?: Input<S> }
    : { body: Input<S> }
  : NoArguments;
type ArgParts<O extends Operation> = ParamsArg<O['path']> &
  QueryArg<O['query']> &
  BodyArg<O['request']> & { options?: CallOptions };

/** The argument of a bound operation: its path parameters, query and body where it has them, and call options. */
export type OperationArgs<O extends Operation> = { [Key in keyof ArgParts<O>]: ArgParts<O>[Key] };

/**
 * Binds every module of a version's `Operations` map; `endpoint(module, role)` gives the partner's URL
 * for a module and interface role (`''` for role-less maps).
 */
export function bindModules<
  M extends Record<string, object>,
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  transport: Transport,
  modules: M,
  endpoint: (module: string, role: string) => string | undefined,
): { readonly [K in keyof M]: ClientCalls<M[K], Mode, Unknown> } {
  const bound: Record<string, unknown> = {};
  for (const [module, map] of Object.entries(modules)) {
    bound[module] = bindOperations(transport, map, { module, endpoint: (role) => endpoint(module, role) });
  }
  return bound as { readonly [K in keyof M]: ClientCalls<M[K], Mode, Unknown> };
}

/** Where a module's operations go: the module identifier and the endpoint URL for each interface role. */
export interface ModuleTarget {
  module: string;
  /** The endpoint URL of the role (`sender`, `receiver`, `cpo`, `emsp`), or `''` for role-less maps. */
  endpoint: (role: string) => string | undefined;
}

/**
 * Turns an operation map into functions that send each operation through `transport`: path
 * placeholders filled (and encoded) from `params`, the query and body added, the response checked
 * against the operation's schema, paginated GETs returned as a {@link PageRequest}. One binding serves
 * every setting: only the type of what the calls return follows the transport's `validation` and
 * `unknownFields` (`Mode`, `Unknown`; see typed-calls.ts), which the transport applies at run time.
 */
export function bindOperations<
  M extends object,
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(transport: Transport, map: M, target: ModuleTarget, role = ''): ClientCalls<M, Mode, Unknown> {
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) {
    bound[key] = isOperation(value)
      ? bindOperation(transport, value, target, role, key)
      : bindOperations(transport, value as object, target, key);
  }
  return bound as ClientCalls<M, Mode, Unknown>;
}

function bindOperation(
  transport: Transport,
  op: Operation,
  target: ModuleTarget,
  role: string,
  name: string,
) {
  return (
    given: { params?: Record<string, string>; query?: object; body?: unknown; options?: CallOptions } = {},
  ) => {
    const args = withDatesAsDateTimes(given);
    const url = () => operationUrl(op, target, role, name, args.params ?? {});
    const query = args.query as Record<string, string | number | undefined> | undefined;
    const item = op.item;
    if (item) {
      const subject = `${target.module} item`;
      // Checked and built anew each time the list is read, as a fetch would be.
      const listRequest = () => {
        checkOutgoing(transport, op, args, name);
        return {
          url: url(),
          module: target.module,
          item,
          subject,
          ...(query && { query }),
          ...(args.options && { options: args.options }),
        };
      };
      return new PageRequest(
        () => paginatePages(transport, listRequest()),
        {
          subject,
          heard: transport.isHeard(args.options),
          describe: (pageUrl) => transport.describe('GET', pageUrl),
        },
        () => firstPage(transport, listRequest()),
      );
    }
    return (async () => {
      checkOutgoing(transport, op, args, name);
      const response = await transport.send({
        method: op.method,
        url: url(),
        module: target.module,
        ...(query && { query }),
        ...(args.body !== undefined && { body: args.body }),
        ...(op.response && { data: op.response, subject: `${target.module} ${name} response` }),
        ...(args.options && { options: args.options }),
      });
      return op.locationHeader ? locationOf(response, name) : response.data;
    })();
  };
}

// A created object's URL: the Location header, resolved against the request URL.
function locationOf(response: TransportResponse<unknown>, name: string): string {
  const location = response.headers.get('Location');
  if (!location) {
    throw new OcpiInvalidResponseError({
      method: 'POST',
      url: response.url,
      reason: `no Location header in the ${name} response`,
      httpStatus: response.httpStatus,
    });
  }
  return new URL(location, response.url).href;
}

// In strict mode what we send is held to the spec too (query and body), before anything goes out. The
// body goes out as given: fields the spec does not define are refused only when the call says `reject`.
function checkOutgoing(
  transport: Transport,
  op: Operation,
  args: { query?: object; body?: unknown; options?: CallOptions },
  name: string,
): void {
  if (transport.modeOf(args.options) !== 'strict') return;
  const parts = [
    [op.query, args.query ?? {}, `${name} query`],
    [op.request, args.body, `${name} request body`],
  ] as const;
  for (const [schema, value, subject] of parts) {
    if (!schema) continue;
    const unknownFields = transport.unknownFieldsOf(args.options);
    const result = parsePayload(schema, value, { mode: 'strict', subject, unknownFields });
    if (!result.success) throw result.error;
  }
}

function operationUrl(
  op: Operation,
  target: ModuleTarget,
  role: string,
  name: string,
  params: Record<string, string>,
): string {
  const fill = (path: string) =>
    // Most paths have no placeholder (a list's): nothing to replace.
    !path.includes('{')
      ? path
      : path.replace(/\{(\w+)\}/g, (_, key: string) => {
          const value = params[key];
          if (value === undefined) throw new TypeError(`${name}: missing path parameter ${key}`);
          return op.externalUrl && path === `{${key}}` ? value : encodeURIComponent(value);
        });
  if (op.externalUrl) return fill(op.path);
  const endpoint = target.endpoint(role);
  if (endpoint === undefined)
    throw new OcpiMissingEndpointError({ module: target.module, ...(role && { role }) });
  return joinPath(endpoint, fill(op.path));
}

function joinPath(endpoint: string, path: string): string {
  if (path === '') return endpoint;
  return `${trimTrailing(endpoint, '/')}${path}`;
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && 'method' in value && 'path' in value;
}
