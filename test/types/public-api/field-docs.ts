// Every field of a generated spec object carries a one-line doc in our own words (whether it is
// required, a list, what its type allows) and a link to its object's section of the spec at the pinned
// tag, and the doc reaches what an editor shows: the checker's documentation of the property, read
// from a value the schema parsed, is what a hover prints.
import { describe, expect, it } from 'vitest';
import { readSpecPin } from '../../../scripts/codegen/spec-pin';
import {
  consumerProgram,
  declarationOf,
  specTypeNames,
  VERSIONS,
  type VersionEntry,
} from '../consumer-program';
import { ts } from '../typescript';

const VERSION_OF: Record<VersionEntry, string> = { v211: '2.1.1', v221: '2.2.1' };

/** The generated objects' fields as a parsed value has them: `Object.field` with its doc and links. */
function parsedFields(entry: VersionEntry) {
  const consumer = consumerProgram(entry);
  const { checker } = consumer;
  return specTypeNames(entry).flatMap((name) => {
    const type = checker.getTypeAtLocation(declarationOf(consumer, `output_${name}`).name);
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const generated = (symbol?.declarations ?? []).some((node) =>
      /[\\/]generated[\\/]/.test(node.getSourceFile().fileName),
    );
    if (!generated || !(type.flags & ts.TypeFlags.Object)) return [];
    return type.getProperties().map((property) => ({
      field: `${name}.${property.name}`,
      doc: ts.displayPartsToString(property.getDocumentationComment(checker)),
      see: property
        .getJsDocTags(checker)
        .filter((tag) => tag.name === 'see')
        .map((tag) => ts.displayPartsToString(tag.text)),
    }));
  });
}

describe.each(VERSIONS)('fields of the spec objects of %s', (entry) => {
  it('each show a one-line doc and their spec section in a hover', () => {
    const pin = readSpecPin().find((candidate) => candidate.version === VERSION_OF[entry]);
    if (!pin) throw new Error(`no pinned tag for ${VERSION_OF[entry]}`);
    const fields = parsedFields(entry);
    expect(fields.map(({ field }) => field)).toEqual(
      expect.arrayContaining([
        'Location.evses',
        'EVSE.connectors',
        'CDR.charging_periods',
        'Tariff.elements',
      ]),
    );
    const undocumented = fields
      .filter(
        ({ doc, see }) =>
          !/^(Required|Optional|One of)\b.+\.$/.test(doc) ||
          doc.includes('\n') ||
          !see.some((link) => link.startsWith(`https://github.com/ocpi/ocpi/blob/${pin.tag}/`)),
      )
      .map(({ field }) => field);
    expect(undocumented).toEqual([]);
  }, 60_000);

  it('name nested objects and lists by their type', () => {
    const evses = parsedFields(entry).find(({ field }) => field === 'Location.evses');
    expect(evses?.doc).toBe('Optional list (may be empty) of {@link EVSE}.');
  }, 60_000);
});
