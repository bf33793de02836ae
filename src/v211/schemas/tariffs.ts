// OCPI 2.1.1 Tariffs: the PATCH body. The objects are generated with their prose rules
// (../generated/schemas.ts, rules from spec-rules.ts).
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tariffs.md
import { TariffSchema, type TariffShape } from '../generated/schemas';
import { type PatchBody, type PatchSchema, patchOf } from './patch';

/** A PATCH body for a Tariff: any of its fields. 2.1.1 only: 2.2.1 dropped Tariff PATCH. */
export const TariffPatchSchema: PatchSchema<TariffShape, TariffPatch> = /*@__PURE__*/ patchOf(TariffSchema);
export interface TariffPatch extends PatchBody<TariffShape> {}
