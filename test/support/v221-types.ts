// Type-level helpers for the 2.2.1 type tests (checked by tsc, which covers the test folder).

/** The keys of `T` that an object must have: the spec's cardinality 1 and +. */
export type RequiredKeys<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K;
}[keyof T];

/** The keys of `T` that an object may leave out: the spec's cardinality ? and *. */
export type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
