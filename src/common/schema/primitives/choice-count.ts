// How many fields of a "Choice: one of N" group an object picks, with no zod: the zod check (choice.ts)
// and the compiled validators (scripts/codegen/emit-compiled.ts) both count with it.

/** Whether a field of a choice group picks its branch: `false` and an empty list pick nothing. */
function chosen(value: unknown): boolean {
  if (value === undefined || value === false) return false;
  return !Array.isArray(value) || value.length > 0;
}

/** How many of `fields` pick their branch in `value`; exactly one is what the spec asks. */
export function countChosen(value: Readonly<Record<string, unknown>>, fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) if (chosen(value[field])) count++;
  return count;
}
