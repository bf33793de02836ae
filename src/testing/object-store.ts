/**
 * Objects a simulated party holds, by the key their URL names (`NL/CPO/LOC1`): what partners pushed to
 * its receiver interfaces, or its own data. Keys compare as the spec's CiStrings do, case-insensitively.
 */
export class ObjectStore<T> {
  readonly #objects = new Map<string, T>();

  static key(...parts: readonly string[]): string {
    return parts.map((part) => part.toUpperCase()).join('/');
  }

  get(key: string): T | undefined {
    return this.#objects.get(key);
  }

  /** Stores `value`; `'created'` when the key was new (the handler answers 201), else `undefined`. */
  put(key: string, value: T): 'created' | undefined {
    const created = !this.#objects.has(key);
    this.#objects.set(key, value);
    return created ? 'created' : undefined;
  }

  /** Applies a PATCH's fields to the stored object; false when there is none. */
  patch(key: string, fields: Partial<T>): boolean {
    const stored = this.#objects.get(key);
    if (stored === undefined) return false;
    this.#objects.set(key, { ...stored, ...fields });
    return true;
  }

  delete(key: string): boolean {
    return this.#objects.delete(key);
  }

  values(): T[] {
    return [...this.#objects.values()];
  }

  get size(): number {
    return this.#objects.size;
  }
}
