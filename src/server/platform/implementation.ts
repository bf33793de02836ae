import type * as z from 'zod/mini';
import type { PathParams } from '../../common/transport/bind-operations';
import type { Operation } from '../../common/transport/operation';
import type { PartnerRecord } from '../partners/partner-store';
import type { OcpiRefusal } from './ocpi-refusal';
import type { RoutingParties } from './routing-parties';

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/**
 * The query a list implementation gets: the partner's filters, checked, with `offset` and `limit` always
 * set (`limit` already capped by the handler's `maxPageLimit`).
 */
export type ServedListQuery<Query> = Omit<Query, 'offset' | 'limit'> & { offset: number; limit: number };

/** What a list implementation answers: one page of items, and how many the whole filtered list holds. */
export interface ListAnswer<Item> {
  items: readonly Item[];
  /** The number of objects matching the query's filters, all pages together (`X-Total-Count`). */
  total: number;
}

/**
 * What a push implementation (PUT, PATCH, DELETE, POST without answer data) may answer: nothing (HTTP
 * 200), or `'created'` when the object is new to us (HTTP 201, as the spec's status codes advise).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: an implementation that returns nothing returns void.
export type PushOutcome = void | 'created' | 'updated';

/** One request to an operation, as its implementation sees it: checked, typed, from a known partner. */
export interface OcpiCall<Op extends Operation, Merged = never> {
  /** The registered partner whose current token the request carried. */
  readonly partner: PartnerRecord;
  /** The path parameters, URL-decoded and checked against the spec's lengths. */
  readonly params: { readonly [Name in PathParams<Op['path']>]: string };
  /** The query, checked against the operation's schema (lists: see {@link ServedListQuery}). */
  readonly query: Op extends { paginated: true } ? ServedListQuery<Out<Op['query']>> : Out<Op['query']>;
  /** The body, checked in the handler's validation mode. */
  readonly body: Out<Op['request']>;
  /**
   * A PATCH with `patches: 'merge'`: the stored object (read through the interface's GET
   * implementation) with the patch applied, checked as a whole. Absent otherwise.
   */
  readonly merged?: Merged;
  /** 2.2.1: the parties of the routing headers (`OCPI-from-*`, `OCPI-to-*`), where present. */
  readonly routing: RoutingParties;
  /** The request itself, for anything else (its headers, its URL). Its body has been read. */
  readonly request: Request;
}

/** What an operation's implementation answers. */
export type OcpiAnswer<Op extends Operation> = Op extends { paginated: true; item: z.ZodMiniType }
  ? ListAnswer<z.output<Op['item']>>
  : Op['response'] extends z.ZodMiniType
    ? z.output<Op['response']> | undefined
    : PushOutcome;

/**
 * The app's code for one operation: a plain function of the checked request. A GET answering
 * `undefined` is HTTP 404 (the object is unknown); throw an {@link OcpiRefusal} for any other refusal.
 */
export type Implementation<Op extends Operation, Merged = never> = (
  call: OcpiCall<Op, Merged>,
) => OcpiAnswer<Op> | Promise<OcpiAnswer<Op>>;

// A PATCH operation's merged object is what the sibling PUT takes.
type MergedOf<Ops, Name> = Name extends `patch${infer Rest}`
  ? `put${Rest}` extends keyof Ops
    ? Ops[`put${Rest}`] extends Operation
      ? Out<Ops[`put${Rest}`]['request']>
      : never
    : never
  : never;

/** The app's code for one interface of a module: any of its operations, each optional. */
export type InterfaceImplementation<Ops> = {
  readonly [Name in keyof Ops]?: Ops[Name] extends Operation
    ? Implementation<Ops[Name], MergedOf<Ops, Name>>
    : never;
};

/** The app's code for the functional modules of a version, by module and interface, as in `Operations`. */
export type ModuleImplementations<Table> = {
  readonly [Module in Exclude<keyof Table, 'versions' | 'credentials'>]?: {
    readonly [Interface in keyof Table[Module]]?: InterfaceImplementation<Table[Module][Interface]>;
  };
};

type WithPath<Op, Path extends string> = Omit<Op, 'path' | 'externalUrl'> & { readonly path: Path };

/**
 * A version's operation table as the handler serves it: the operations the client table sends to a
 * URL the partner gave (`{response_url}`, `{cdr_location_url}`) get the path we give them below our own
 * endpoint, from `Paths` (keyed `module.interface.name`).
 */
export type ServedTable<Table, Paths> = {
  readonly [M in keyof Table]: {
    readonly [I in keyof Table[M]]: {
      readonly [N in keyof Table[M][I]]: `${M & string}.${I & string}.${N & string}` extends keyof Paths
        ? Paths[`${M & string}.${I & string}.${N & string}`] extends string
          ? WithPath<Table[M][I][N], Paths[`${M & string}.${I & string}.${N & string}`]>
          : Table[M][I][N]
        : Table[M][I][N];
    };
  };
};
