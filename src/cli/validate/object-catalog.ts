// The objects `ocpi validate` knows, per version: every object schema the version exports (Location,
// EVSE, CDR, Tariff, Token, VersionDetails...), named as the spec names it, with the field names and
// required fields that detection compares a payload against. PATCH bodies and list queries are left out:
// every field of theirs is optional, so they would fit any payload.
import type * as z from 'zod/mini';
import type { OcpiVersion } from '../../common/protocol/version';
import { registerCompiledValidators } from '../../common/schema/compiled/registry';
import { OcpiResponseEnvelopeSchema as Envelope211 } from '../../v211/envelope';
import { compiledPairs as compiledPairs211 } from '../../v211/generated/compiled-pairs';
import * as schemas211 from '../../v211/generated/exports';
import { OcpiResponseEnvelopeSchema as Envelope221 } from '../../v221/envelope';
import { compiledPairs as compiledPairs221 } from '../../v221/generated/compiled-pairs';
import * as schemas221 from '../../v221/generated/exports';
import type { ObjectShape } from './detect-object';

/** One object of one version: its spec name, its schema, and its shape for detection. */
export interface CatalogObject extends ObjectShape {
  readonly schema: z.ZodMiniType;
}

/** What `ocpi validate` checks a payload of one version with. */
export interface VersionCatalog {
  readonly version: OcpiVersion;
  readonly objects: readonly CatalogObject[];
  /** The response envelope, its `data` unchecked (checked on its own against the detected object). */
  readonly envelope: z.ZodMiniType;
}

const NOT_OBJECTS = /(?:Patch|Query)Schema$/;

function catalogOf(
  version: OcpiVersion,
  schemas: Readonly<Record<string, unknown>>,
  envelope: z.ZodMiniType,
): VersionCatalog {
  const objects: CatalogObject[] = [];
  for (const [exported, value] of Object.entries(schemas)) {
    if (!exported.endsWith('Schema') || NOT_OBJECTS.test(exported)) continue;
    if ((value as z.ZodMiniType).type !== 'object') continue;
    const schema = value as z.ZodMiniObject;
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    const fields = Object.keys(shape);
    objects.push({
      version,
      name: exported.slice(0, -'Schema'.length),
      schema,
      fields,
      required: fields.filter((field) => shape[field]?.type !== 'optional'),
    });
  }
  return { version, objects, envelope };
}

let catalogs: readonly VersionCatalog[] | undefined;

/**
 * Both versions' catalogs, 2.2.1 first (preferred when a payload fits both equally), built on first use;
 * the compiled validators are registered then, so that clean payloads are checked at their speed.
 */
export function versionCatalogs(): readonly VersionCatalog[] {
  if (catalogs === undefined) {
    registerCompiledValidators(compiledPairs221());
    registerCompiledValidators(compiledPairs211());
    catalogs = [catalogOf('2.2.1', schemas221, Envelope221), catalogOf('2.1.1', schemas211, Envelope211)];
  }
  return catalogs;
}

/** The catalog of one version. */
export function catalogOfVersion(version: OcpiVersion): VersionCatalog {
  return versionCatalogs().find((catalog) => catalog.version === version) as VersionCatalog;
}

/** An object of a version by its spec name, matched without regard to case (`cdr` is CDR); or undefined. */
export function findObject(version: OcpiVersion, name: string): CatalogObject | undefined {
  const wanted = name.toLowerCase();
  return catalogOfVersion(version).objects.find((object) => object.name.toLowerCase() === wanted);
}
