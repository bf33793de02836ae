// The generator writes each spec object's type out by hand-readable name (emit-types.ts), beside the
// schema that parses it. They must not drift: for every spec type of both entries, the written type and
// what zod itself infers from the schema's shape are assignable to each other (under the repository's
// exactOptionalPropertyTypes, so an optional field's `| undefined` counts too), and so are the type and
// the schema's declared output.
import { describe, expect, it } from 'vitest';
import { consumerProgram, declarationOf, specTypeNames, VERSIONS } from '../consumer-program';
import { ts } from '../typescript';

describe.each(VERSIONS)('spec types of %s', (entry) => {
  it('match what zod infers from their schemas, both ways', () => {
    const consumer = consumerProgram(entry);
    const names = specTypeNames(entry);
    expect(names.length).toBeGreaterThan(50);
    // Each `same_X` is declared `true` only when X and the inferred output match (consumer-program.ts).
    const drifted = consumer.program.getSemanticDiagnostics(consumer.source).map((diagnostic) => {
      const at = diagnostic.start ?? -1;
      const name = names.find((candidate) => {
        const declaration = declarationOf(consumer, `same_${candidate}`);
        return at >= declaration.getStart() && at < declaration.getEnd();
      });
      return `${name ?? '?'}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    });
    expect(drifted).toEqual([]);
  }, 60_000);
});
