import type * as z from 'zod/mini';
import type { OcpiVersion } from '../../common/protocol/version';
import * as v211 from '../../v211/generated/schemas';
import * as v221 from '../../v221/generated/schemas';
import { type DataFault, topObjects } from './answered';

// The object each list of a simulated party holds, by version and module: its optional fields are read
// from the schema's shape.
const ITEM_SCHEMAS: Readonly<Record<OcpiVersion, Readonly<Record<string, z.ZodMiniType>>>> = {
  '2.2.1': {
    locations: v221.LocationSchema,
    sessions: v221.SessionSchema,
    cdrs: v221.CDRSchema,
    tariffs: v221.TariffSchema,
    tokens: v221.TokenSchema,
  },
  '2.1.1': {
    locations: v211.LocationSchema,
    sessions: v211.SessionSchema,
    cdrs: v211.CDRSchema,
    tariffs: v211.TariffSchema,
    tokens: v211.TokenSchema,
  },
};

/**
 * `null-optionals`: each item of a list page has every optional field it lacks sent as `null`, as
 * partners whose serializers write every field do. 2.2.1 counts `null` as absent (terminology, "Cardinality").
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/terminology.asciidoc#terminology_cardinality
 */
export const nullOptionals: DataFault = (data, { version, module, list }) => {
  const schema = list && module !== undefined ? ITEM_SCHEMAS[version][module] : undefined;
  if (schema?.type !== 'object') return data;
  const optional = Object.entries((schema as z.ZodMiniObject).shape)
    .filter(([, field]) => (field as z.ZodMiniType).type === 'optional')
    .map(([key]) => key);
  for (const item of topObjects(data)) {
    for (const key of optional) if (item[key] === undefined) item[key] = null;
  }
  return data;
};
