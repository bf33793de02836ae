/** Builds the SpecModel: reads every spec file of both versions and cross-checks the result. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readAsciidocDocument, readAsciidocTypeCell } from './asciidoc';
import { buildModule, isEmptyModule } from './build-module';
import type { SpecDocument, TypeCellReader } from './document';
import { readMarkdownDocument, readMarkdownTypeCell } from './markdown';
import type { Diagnostic, ModuleModel, SpecFormat, SpecModel, SpecVersion, VersionModel } from './model';
import { moduleNameForFile } from './module-names';
import { checkTypeLinks, findDuplicateDefinitions, resolveReferences } from './resolve';

interface FormatReader {
  format: SpecFormat;
  extension: string;
  readDocument: (text: string, file: string) => SpecDocument;
  readTypeCell: TypeCellReader;
}

const READERS: Readonly<Record<SpecVersion, FormatReader>> = {
  '2.1.1': {
    format: 'markdown',
    extension: '.md',
    readDocument: readMarkdownDocument,
    readTypeCell: readMarkdownTypeCell,
  },
  '2.2.1': {
    format: 'asciidoc',
    extension: '.asciidoc',
    readDocument: readAsciidocDocument,
    readTypeCell: readAsciidocTypeCell,
  },
};

/**
 * Files that are not part of the normative text: the authors' template has headings such as
 * "Primary Object" that look like definitions; the changelogs and README only describe changes.
 */
const NON_NORMATIVE_FILES = new Set([
  'README.md',
  'template-object-description.md',
  'changelog.md',
  'changelog.asciidoc',
]);

/** Reads both versions from the spec folder (see spec-dir.ts for how to find it). */
export function readSpec(specDir: string): SpecModel {
  return {
    versions: {
      '2.1.1': readVersion(specDir, '2.1.1'),
      '2.2.1': readVersion(specDir, '2.2.1'),
    },
  };
}

export function readVersion(specDir: string, version: SpecVersion): VersionModel {
  const reader = READERS[version];
  const versionDir = path.join(specDir, version);
  const modules: ModuleModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of specFiles(versionDir, reader.extension)) {
    const document = reader.readDocument(readFileSync(path.join(versionDir, file), 'utf8'), file);
    const built = buildModule(document, moduleNameForFile(file), reader.readTypeCell);
    diagnostics.push(...built.diagnostics);
    if (!isEmptyModule(built.module)) modules.push(built.module);
  }
  diagnostics.push(...findDuplicateDefinitions(modules), ...checkTypeLinks(modules, reader.format));
  return {
    version,
    source: { dir: version, format: reader.format },
    modules,
    unresolved: resolveReferences(modules),
    diagnostics,
  };
}

/** Spec files of one version, sorted so the model does not depend on directory order. */
function specFiles(versionDir: string, extension: string): string[] {
  return readdirSync(versionDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith(extension) && !NON_NORMATIVE_FILES.has(entry.name),
    )
    .map((entry) => entry.name)
    .sort();
}
