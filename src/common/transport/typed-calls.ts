import type * as z from 'zod/mini';
import type { ResultOf, ValidationSetting } from '../schema/lenient-types';
import type { UnknownFields } from '../schema/parse';
import type { OperationArgs } from './bind-operations';
import type { Operation } from './operation';
import type { PageRequest } from './page-request';
import type { CallOptions } from './transport';

/**
 * The options of one call on a client whose results are typed as the exact spec types (a client created
 * with `validation: 'strict'` or `'off'`). Such a call may check `strict`ly or not at all (`off`, the
 * caller's own assertion), but not `lenient`ly: a lenient read may return values (an unknown enum
 * value) that the exact types do not allow. On a lenient client every mode may be asked for, as each
 * returns a subset of what a lenient read can. A call's `unknownFields` may differ from the client's
 * either way: extension fields kept on the result are extra properties, which every object type allows.
 */
export interface StrictCallOptions extends Omit<CallOptions, 'validation'> {
  /** This call's validation mode, instead of the client's: `strict` or `off` on such a client. */
  validation?: 'strict' | 'off';
}

// The call options a client with this validation setting takes: narrowed where its results are exact.
type CallOptionsFor<Mode extends ValidationSetting> = 'lenient' extends Mode
  ? CallOptions
  : StrictCallOptions;

// An object with no keys: `NoArguments extends T` holds when every key of T is optional.
type NoArguments = Record<never, never>;
type ArgsWith<O extends Operation, Mode extends ValidationSetting> = Omit<OperationArgs<O>, 'options'> & {
  options?: CallOptionsFor<Mode>;
};
// Undefined (no `data` in the response) and strings (a created object's URL) pass as they are.
type Read<T, Mode extends ValidationSetting, Unknown extends UnknownFields> = T extends object
  ? ResultOf<T, Mode, Unknown>
  : T;

// What a bound operation returns on a client with these settings: a PageRequest of its items for
// paginated GETs, else the response data, each typed as the client's validation and `unknownFields`
// settings let it be (see `ResultOf`).
export type CallResult<
  O extends Operation,
  Mode extends ValidationSetting,
  Unknown extends UnknownFields,
> = O['item'] extends z.ZodMiniType
  ? PageRequest<Read<z.output<O['item']>, Mode, Unknown>>
  : O['locationHeader'] extends true
    ? Promise<string>
    : Promise<Read<O['response'] extends z.ZodMiniType ? z.output<O['response']> : undefined, Mode, Unknown>>;

// One operation as a client with these settings calls it.
export type ClientCall<O extends Operation, Mode extends ValidationSetting, Unknown extends UnknownFields> =
  NoArguments extends ArgsWith<O, Mode>
    ? // The argument is spelled out rather than named, so that a hover shows the fields to pass.
      (args?: { [Key in keyof ArgsWith<O, Mode>]: ArgsWith<O, Mode>[Key] }) => CallResult<O, Mode, Unknown>
    : (args: { [Key in keyof ArgsWith<O, Mode>]: ArgsWith<O, Mode>[Key] }) => CallResult<O, Mode, Unknown>;

// Every operation of a map (nested by interface role) as a client with these settings calls it: the
// shape of what `bindOperations` builds, with results typed by the client's settings.
export type ClientCalls<M, Mode extends ValidationSetting, Unknown extends UnknownFields> = {
  readonly [K in keyof M]: M[K] extends Operation
    ? ClientCall<M[K], Mode, Unknown>
    : ClientCalls<M[K], Mode, Unknown>;
};

// The validation setting a client's type carries for the `validation` it was created with: one of the
// three, so that clients typed alike are one type (a setting known only as `'lenient' | 'off'` reads as
// lenient, the wider of the two).
export type ClientMode<Mode extends ValidationSetting> = 'lenient' extends Mode
  ? 'lenient'
  : [Mode] extends ['off']
    ? 'off'
    : 'strict';
