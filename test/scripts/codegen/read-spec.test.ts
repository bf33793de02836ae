/** The model read from the real spec: its shape and the spec quirks the readers handle on purpose. */
import { describe, expect, it } from 'vitest';
import type { FieldModel, ObjectModel, SpecVersion, VersionModel } from '../../../scripts/codegen/model';
import { readSpec } from '../../../scripts/codegen/read-spec';
import { resolveReferences } from '../../../scripts/codegen/resolve';
import { fromSpec, specDir } from '../../support/spec';

const model = fromSpec(() => readSpec(specDir()));

function object(version: SpecVersion, name: string): ObjectModel {
  const found = model()
    .versions[version].modules.flatMap((module) => module.objects)
    .find((o) => o.name === name);
  if (!found) throw new Error(`${version} has no ${name}`);
  return found;
}

function field(version: SpecVersion, owner: string, name: string): FieldModel {
  const found = object(version, owner).fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${version} ${owner} has no ${name}`);
  return found;
}

function enumValues(version: SpecVersion, name: string): string[] {
  const found = model()
    .versions[version].modules.flatMap((module) => module.enums)
    .find((e) => e.name === name);
  return found?.values.map((value) => value.value) ?? [];
}

function diagnostics(version: VersionModel): string[] {
  return version.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}:${diagnostic.line}`);
}

describe('readSpec', () => {
  it('is plain data: a JSON round trip gives the same model', () => {
    expect(JSON.parse(JSON.stringify(model()))).toEqual(model());
  });

  it('carries no description prose', () => {
    const json = JSON.stringify(model());
    expect(json).not.toContain('"description"');
    const strings = [...json.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? '');
    const longest = strings.reduce((max, text) => Math.max(max, text.length), 0);
    expect(longest).toBeLessThan(160);
  });

  it('keeps paths relative to the spec folder', () => {
    expect(model().versions['2.1.1'].source).toEqual({ dir: '2.1.1', format: 'markdown' });
    expect(model().versions['2.2.1'].source).toEqual({ dir: '2.2.1', format: 'asciidoc' });
  });

  it('reads lengths, primitives and links of type cells', () => {
    expect(field('2.1.1', 'CDR', 'id').type).toEqual({
      kind: 'primitive',
      name: 'CiString',
      maxLength: 36,
      link: { file: 'types.md', anchor: '12-cistring-type' },
    });
    expect(field('2.2.1', 'Image', 'width').type).toMatchObject({
      kind: 'primitive',
      name: 'int',
      maxLength: 5,
    });
    expect(field('2.2.1', 'Location', 'publish').type).toEqual({ kind: 'primitive', name: 'boolean' });
    expect(field('2.2.1', 'Location', 'evses')).toMatchObject({
      cardinality: '*',
      type: {
        kind: 'ref',
        name: 'EVSE',
        link: { anchor: 'mod_locations_evse_object' },
        resolved: { module: 'Locations', kind: 'object' },
      },
    });
  });

  it('resolves references across files', () => {
    expect(field('2.1.1', 'CDR', 'tariffs').type).toMatchObject({
      resolved: { module: 'Tariffs', kind: 'object' },
    });
    expect(field('2.2.1', 'CredentialsRole', 'role').type).toMatchObject({
      resolved: { module: 'Types', kind: 'enum' },
    });
  });

  it('keeps enum values exactly as written, odd casing included', () => {
    expect(enumValues('2.1.1', 'ConnectorType')).toContain('IEC_60309_2_single_16');
    expect(enumValues('2.2.1', 'ModuleID')).toEqual([
      'cdrs',
      'chargingprofiles',
      'commands',
      'credentials',
      'hubclientinfo',
      'locations',
      'sessions',
      'tariffs',
      'tokens',
    ]);
    expect(enumValues('2.2.1', 'VersionNumber')).toEqual(['2.0', '2.1', '2.1.1', '2.2', '2.2.1']);
  });

  it('reads 2.1.1 SessionStatus although its value column is headed "Property"', () => {
    expect(enumValues('2.1.1', 'SessionStatus')).toEqual(['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING']);
  });

  it('reads the 2.2.1 CdrDimensionType table, whose header cell spans two lines', () => {
    expect(enumValues('2.2.1', 'CdrDimensionType')).toHaveLength(13);
  });

  it('groups the 2.1.1 Hours "Choice: one of two" fields, keeping their written cardinality', () => {
    const hours = object('2.1.1', 'Hours').fields.map((f) => [f.name, f.cardinality, f.choiceGroup]);
    expect(hours).toEqual([
      ['regular_hours', '*', 1],
      ['twentyfourseven', '1', 1],
      ['exceptional_openings', '*', undefined],
      ['exceptional_closings', '*', undefined],
    ]);
  });

  it('uses the label where a type label and its link disagree, and reports it', () => {
    expect(field('2.2.1', 'SignedData', 'url').type).toMatchObject({ name: 'string', maxLength: 512 });
    expect(field('2.2.1', 'Image', 'type').type).toMatchObject({ name: 'CiString', maxLength: 4 });
    const mismatches = model().versions['2.2.1'].diagnostics.filter((d) => d.code === 'label-link-mismatch');
    expect(mismatches.map((d) => d.message.split(':')[0])).toEqual(['SignedData.url', 'Image.type']);
  });

  it('reports every quirk it handled and nothing else', () => {
    expect(diagnostics(model().versions['2.1.1'])).toEqual([
      'cardinality-alternatives transport_and_format.md:216',
      'unparsed-type transport_and_format.md:216',
      'skipped-table version_information_endpoint.md:26',
    ]);
    expect(diagnostics(model().versions['2.2.1'])).toEqual([
      'cardinality-alternatives transport_and_format.asciidoc:315',
      'unparsed-type transport_and_format.asciidoc:315',
      'label-link-mismatch mod_cdrs.asciidoc:522',
      'label-link-mismatch mod_locations.asciidoc:1064',
    ]);
  });

  it('reads the response envelope as an unnamed structure with data "* or ?" as optional', () => {
    const envelope = model()
      .versions['2.2.1'].modules.flatMap((module) => module.unnamed)
      .find((structure) => structure.path.at(-1) === 'Response format');
    expect(envelope?.fields.map((f) => [f.name, f.cardinality, f.type.kind])).toEqual([
      ['data', '?', 'unparsed'],
      ['status_code', '1', 'primitive'],
      ['status_message', '?', 'primitive'],
      ['timestamp', '1', 'primitive'],
    ]);
  });

  it('lets a patched model be resolved again, listing refs that no longer resolve', () => {
    const patched: VersionModel = structuredClone(model().versions['2.2.1']);
    const location = patched.modules.flatMap((module) => module.objects).find((o) => o.name === 'Location');
    const evses = location?.fields.find((f) => f.name === 'evses');
    if (!evses) throw new Error('Location.evses missing');
    evses.type = { kind: 'ref', name: 'NoSuchThing' };
    expect(resolveReferences(patched.modules)).toEqual([
      { from: 'Location.evses', name: 'NoSuchThing', file: 'mod_locations.asciidoc', line: evses.line },
    ]);
    expect(resolveReferences(model().versions['2.2.1'].modules)).toEqual([]);
  });
});
