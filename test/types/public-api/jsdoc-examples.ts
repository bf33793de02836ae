// Every `@example` of the sources' JSDoc compiles against the public entries, as a user would paste it:
// an example that calls what does not exist, or calls it wrongly, fails here (jsdoc-examples.ts).
import { describe, expect, it } from 'vitest';
import { editorProgram } from '../consumer-program';
import { jsdocExamples } from '../jsdoc-examples';
import { ts } from '../typescript';

describe('the JSDoc examples', () => {
  it('are found, in the client, the schemas and the server alike', () => {
    const where = jsdocExamples().map((example) => example.where);
    expect(where.length).toBeGreaterThan(30);
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/v221\/client\.ts:/),
        expect.stringMatching(/^src\/common\/transport\/page-request\.ts:/),
        expect.stringMatching(/^src\/node\//),
      ]),
    );
  });

  it('each type-check against the public entries', () => {
    const program = editorProgram();
    const failures = jsdocExamples().flatMap(({ where, path }) => {
      const source = program.getSourceFile(path);
      if (!source) return [`${where}: not in the program`];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
        (diagnostic) => `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    });
    expect(failures).toEqual([]);
  });
});
