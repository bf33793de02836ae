// The pages the bench validates, each checked before anything is timed (a benchmark of a failing parse
// measures nothing): 1,000 Locations, CDRs and Sessions of each version, each clean and quirky.
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import { seedCpo211 } from '../../src/testing/seed/cpo-v211';
import { seedCpo221 } from '../../src/testing/seed/cpo-v221';
import { buildLocationPageV211, NULLABLE_V211 } from '../../src/testing/seed/locations-v211';
import { buildLocationPage } from '../../src/testing/seed/locations-v221';
import { withItemQuirks, withPartnerQuirks } from '../../src/testing/seed/partner-quirks';
import { ajvValidatorOf } from './ajv';
import { root, v211, v221, zodOnly } from './package';

const PAGE_ITEMS = 1_000;

/** A page as JSON text and as the value JSON.parse gives. */
export interface PageText {
  text: string;
  bytes: number;
  value: unknown[];
}

/** One object of one version: its clean and quirky pages and what validates them. */
export interface BenchPage {
  /** `2.2.1 Locations` */
  title: string;
  subject: string;
  schema: z.ZodMiniType;
  /** The compiled validator by its public name (validateLocation...). */
  validate: (value: unknown) => unknown;
  ajv: (value: unknown) => boolean;
  clean: PageText;
  quirky: PageText;
  /** What the quirky page carries, for the report. */
  quirks: string;
}

const cpo = { countryCode: 'NL', partyId: 'CPO', name: 'Bench CPO' };
const emsp = { countryCode: 'DE', partyId: 'EMS', name: 'Bench eMSP' };
const cpoPage = { cpo, emsp, locations: 100, sessions: PAGE_ITEMS, cdrs: PAGE_ITEMS };

// The optional top-level fields the quirky pages send as `null` when absent.
const NULLABLE = {
  location221: ['state', 'charging_when_closed', 'images'],
  session221: ['end_date_time', 'meter_id', 'total_cost'],
  cdr221: ['session_id', 'meter_id', 'signed_data', 'remark', 'invoice_reference_id'],
  session211: ['end_datetime', 'meter_id', 'total_cost'],
  cdr211: ['meter_id', 'total_parking_time', 'remark'],
} as const;

/** Builds and checks every page. `pick` keeps those whose title it accepts. */
export function buildPages(pick: (title: string) => boolean = () => true): BenchPage[] {
  const data221 = seedCpo221(cpoPage);
  const data211 = seedCpo211(cpoPage);
  const specs = [
    {
      title: '2.2.1 Locations',
      subject: 'Location',
      schema: v221.LocationSchema,
      validate: v221.validateLocation,
      items: () => buildLocationPage(PAGE_ITEMS),
      // The nested variety of real partners (withPartnerQuirks, a third of the items), then most items.
      quirks: (page: readonly object[]) => withPartnerQuirks(page).page,
      nullable: NULLABLE.location221,
    },
    {
      title: '2.1.1 Locations',
      subject: 'Location',
      schema: v211.LocationSchema,
      validate: v211.validateLocation,
      items: () => buildLocationPageV211(PAGE_ITEMS),
      quirks: (page: readonly object[]) => withPartnerQuirks(page, 4_2, NULLABLE_V211).page,
      nullable: NULLABLE_V211,
    },
    {
      title: '2.2.1 CDRs',
      subject: 'CDR',
      schema: v221.CDRSchema,
      validate: v221.validateCDR,
      items: () => data221.cdrs,
      nullable: NULLABLE.cdr221,
    },
    {
      title: '2.1.1 CDRs',
      subject: 'CDR',
      schema: v211.CDRSchema,
      validate: v211.validateCDR,
      items: () => data211.cdrs,
      nullable: NULLABLE.cdr211,
    },
    {
      title: '2.2.1 Sessions',
      subject: 'Session',
      schema: v221.SessionSchema,
      validate: v221.validateSession,
      items: () => data221.sessions,
      nullable: NULLABLE.session221,
    },
    {
      title: '2.1.1 Sessions',
      subject: 'Session',
      schema: v211.SessionSchema,
      validate: v211.validateSession,
      items: () => data211.sessions,
      nullable: NULLABLE.session211,
    },
  ];
  return specs
    .filter(({ title }) => pick(title))
    .map((spec) => {
      const items = spec.items() as readonly object[];
      if (items.length !== PAGE_ITEMS) throw new Error(`${spec.title}: ${items.length} items`);
      const nested = spec.quirks?.(items) ?? items;
      const { page, counts } = withItemQuirks(nested, { nullable: spec.nullable });
      const quirks =
        `${counts.items} of ${items.length} items given ${counts.unknownFields} unknown fields, ` +
        `${counts.nulls} nulls, ${counts.offsetTimestamps} +02:00 timestamps` +
        (spec.quirks ? ', after withPartnerQuirks (nested fields, nulls, unknown enum values)' : '');
      const bench: BenchPage = {
        title: spec.title,
        subject: spec.subject,
        schema: spec.schema,
        validate: spec.validate as (value: unknown) => unknown,
        ajv: ajvValidatorOf(spec.schema),
        clean: pageText(items),
        quirky: pageText(page),
        quirks,
      };
      check(bench);
      return bench;
    });
}

function pageText(items: readonly object[]): PageText {
  const text = JSON.stringify(items);
  return { text, bytes: Buffer.byteLength(text, 'utf8'), value: JSON.parse(text) as unknown[] };
}

/** The options the client's list reads give parseList (paginate.ts), in each mode. */
export const listOptions = (page: BenchPage, mode: 'strict' | 'lenient') =>
  ({ mode, subject: page.subject }) as const;

function check(page: BenchPage): void {
  const fail = (message: string) => new Error(`${page.title}: ${message}`);
  const { parseList, FAIL } = root;
  const clean = page.clean.value;
  const strict = () => parseList(page.schema, clean, listOptions(page, 'strict'));
  const compiled = strict();
  if (compiled.rejectedCount > 0 || compiled.issueCount > 0) {
    throw fail(`the clean page fails strictly: ${JSON.stringify(compiled.rejected[0]?.issues)}`);
  }
  // Deep equality, as the differential test compares: key order is no part of an object's data (the
  // compiled walk builds its objects in the type's field order, zod's repairs keep the input's).
  if (!isDeepStrictEqual(zodOnly(strict), compiled))
    throw fail('the compiled path and zod alone give different data for the clean page');
  if (clean.some((item) => page.validate(item) === FAIL)) throw fail('its validator refuses a clean item');
  const ajvRefused = clean.findIndex((item) => !page.ajv(item));
  if (ajvRefused >= 0) throw fail(`ajv refuses clean item [${ajvRefused}]`);

  const quirky = page.quirky.value;
  const quirkyStrict = parseList(page.schema, quirky, listOptions(page, 'strict'));
  if (quirkyStrict.rejectedCount < quirky.length / 2) {
    throw fail(`only ${quirkyStrict.rejectedCount} quirky items fail strictly: not most of them`);
  }
  const lenient = () => parseList(page.schema, quirky, listOptions(page, 'lenient'));
  const tolerated = lenient();
  if (tolerated.rejectedCount > 0 || tolerated.items.length !== quirky.length) {
    throw fail(`lenient parseList rejects ${tolerated.rejectedCount} quirky items`);
  }
  if (!isDeepStrictEqual(zodOnly(lenient), tolerated))
    throw fail('the compiled path and zod alone give different lenient results for the quirky page');
  if (!root.parsePayload(z.array(page.schema), clean, { mode: 'strict', subject: page.subject }).success)
    throw fail('parsePayload refuses the clean page');
}
