// The simulated partners' data (src/testing/seed): strictly valid in both versions, deterministic,
// consistent (references resolve, totals add up), of the parties asked for, counted as asked, and
// updated in the days before `now`, oldest first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parsePayload } from '../../src';
import {
  type CpoSeedOptions,
  seedCpo211,
  seedCpo221,
  seedEmsp211,
  seedEmsp221,
} from '../../src/testing/seed';
import { toAscii } from '../../src/testing/seed/ascii';
import { buildLocationPageV211 } from '../../src/testing/seed/locations-v211';
import { buildLocationPage } from '../../src/testing/seed/locations-v221';
import { withItemQuirks, withPartnerQuirks } from '../../src/testing/seed/partner-quirks';
import * as v211 from '../../src/v211';
import * as v221 from '../../src/v221';

const cpo = { countryCode: 'NL', partyId: 'TNM', name: 'Test Netwerk Mobiliteit' };
const emsp = { countryCode: 'DE', partyId: 'EMP', name: 'Ladekarte München' };
const NOW = Date.parse('2026-01-15T12:00:00Z');
const DAY = 86_400_000;

/** The items that fail strict parsing, with their issues: none expected. */
function strictFailures(schema: z.ZodMiniType, items: readonly unknown[], subject: string) {
  return items.flatMap((item, index) => {
    const result = parsePayload(schema, item, { mode: 'strict', subject });
    return result.success ? [] : [{ index, issues: result.error.issues }];
  });
}

function expectStrict221(options: CpoSeedOptions) {
  const data = seedCpo221(options);
  expect(strictFailures(v221.LocationSchema, data.locations, 'Location')).toEqual([]);
  expect(strictFailures(v221.TariffSchema, data.tariffs, 'Tariff')).toEqual([]);
  expect(strictFailures(v221.SessionSchema, data.sessions, 'Session')).toEqual([]);
  expect(strictFailures(v221.CDRSchema, data.cdrs, 'CDR')).toEqual([]);
  const { tokens } = seedEmsp221({
    emsp: options.emsp,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  expect(strictFailures(v221.TokenSchema, tokens, 'Token')).toEqual([]);
}

function expectStrict211(options: CpoSeedOptions) {
  const data = seedCpo211(options);
  expect(strictFailures(v211.LocationSchema, data.locations, 'Location')).toEqual([]);
  expect(strictFailures(v211.TariffSchema, data.tariffs, 'Tariff')).toEqual([]);
  expect(strictFailures(v211.SessionSchema, data.sessions, 'Session')).toEqual([]);
  expect(strictFailures(v211.CDRSchema, data.cdrs, 'CDR')).toEqual([]);
  const { tokens } = seedEmsp211({
    emsp: options.emsp,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  expect(strictFailures(v211.TokenSchema, tokens, 'Token')).toEqual([]);
}

function expectRecentAndAscending(items: readonly { last_updated: string }[], now = NOW) {
  const times = items.map(({ last_updated }) => Date.parse(last_updated));
  for (const time of times) {
    expect(time).toBeLessThanOrEqual(now);
    expect(time).toBeGreaterThanOrEqual(now - 30 * DAY);
  }
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('the simulated partners are strictly valid', () => {
  it('at the defaults, in 2.2.1 and 2.1.1', () => {
    expectStrict221({ cpo, emsp });
    expectStrict211({ cpo, emsp });
  });

  it('for other seeds, parties and counts', () => {
    const party = fc.record({
      countryCode: fc.constantFrom('NL', 'DE', 'CH', 'PL', 'DK', 'BE', 'US'),
      partyId: fc.constantFrom('ABC', 'X1Y', 'ZZZ'),
      name: fc.constantFrom('Łódź Charging Sp. z o.o.', 'Plain Name B.V.', 'Énergie Rapide'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        party,
        party,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (seed, cpoParty, emspParty, locations, tariffs, sessions) => {
          const options = { seed, cpo: cpoParty, emsp: emspParty, locations, tariffs, sessions };
          expectStrict221(options);
          expectStrict211(options);
        },
      ),
      { numRuns: 12, seed: 15, endOnFailure: true },
    );
  });
});

describe('the simulated partners are deterministic', () => {
  it('gives the same data for the same seed, and other data for another', () => {
    expect(seedCpo221({ cpo, emsp, seed: 7 })).toEqual(seedCpo221({ cpo, emsp, seed: 7 }));
    expect(seedCpo211({ cpo, emsp, seed: 7 })).toEqual(seedCpo211({ cpo, emsp, seed: 7 }));
    expect(seedEmsp221({ emsp, seed: 7 })).toEqual(seedEmsp221({ emsp, seed: 7 }));
    expect(seedEmsp211({ emsp, seed: 7 })).toEqual(seedEmsp211({ emsp, seed: 7 }));
    expect(seedCpo221({ cpo, emsp, seed: 8 })).not.toEqual(seedCpo221({ cpo, emsp, seed: 7 }));
    expect(seedEmsp211({ emsp, seed: 8 })).not.toEqual(seedEmsp211({ emsp, seed: 7 }));
  });

  it('keeps the benchmark pages as they were', () => {
    const page = buildLocationPage(40);
    expect(buildLocationPage(40)).toEqual(page);
    expect(strictFailures(v221.LocationSchema, page, 'Location')).toEqual([]);
    const page211 = buildLocationPageV211(40);
    expect(strictFailures(v211.LocationSchema, page211, 'Location')).toEqual([]);
    // The quirky page is refused strictly and accepted leniently.
    const quirky = withPartnerQuirks(page).page;
    const Page = z.array(v221.LocationSchema);
    expect(parsePayload(Page, quirky, { mode: 'strict', subject: 'Locations' }).success).toBe(false);
    expect(parsePayload(Page, quirky, { mode: 'lenient', subject: 'Locations' }).success).toBe(true);
    expect(toAscii('Łódź, København, Straße, Genève')).toBe('Lodz, Koebenhavn, Strasse, Geneve');
  });
});

describe('withItemQuirks', () => {
  it('gives most items of a page quirks that lenient parsing tolerates and strict parsing refuses', () => {
    const { cdrs } = seedCpo221({ cpo, emsp, sessions: 40, cdrs: 40 });
    const nullable = ['meter_id', 'remark'];
    const { page, counts } = withItemQuirks(cdrs, { nullable });
    expect(withItemQuirks(cdrs, { nullable })).toEqual({ page, counts });
    expect(counts.items).toBeGreaterThan(cdrs.length / 2);
    expect(counts.unknownFields).toBeGreaterThanOrEqual(counts.items);
    expect(counts.offsetTimestamps).toBeGreaterThanOrEqual(counts.items);
    expect(counts.nulls).toBeGreaterThan(0);
    const touched = page.filter((item) => 'x_partner_ref' in item);
    expect(touched).toHaveLength(counts.items);
    expect(touched.every((item) => String(item.last_updated).endsWith('+02:00'))).toBe(true);
    const Page = z.array(v221.CDRSchema);
    expect(parsePayload(Page, page, { mode: 'strict', subject: 'CDRs' }).success).toBe(false);
    const lenient = parsePayload(Page, page, { mode: 'lenient', subject: 'CDRs' });
    expect(lenient.success && lenient.data.length).toBe(cdrs.length);
    // The clean page is left as it was.
    expect(cdrs.some((item) => 'x_partner_ref' in item)).toBe(false);
  });
});

describe('the simulated 2.2.1 CPO and eMSP', () => {
  const data = seedCpo221({ cpo, emsp });
  const { tokens } = seedEmsp221({ emsp, seed: 99 });

  it('make the counts asked for', () => {
    expect(data.locations).toHaveLength(300);
    expect(data.tariffs).toHaveLength(8);
    expect(data.sessions).toHaveLength(120);
    expect(tokens).toHaveLength(200);
    const completed = data.sessions.filter(({ status }) => status === 'COMPLETED');
    expect(data.cdrs).toHaveLength(completed.length);
    const small = seedCpo221({ cpo, emsp, locations: 5, tariffs: 2, sessions: 9, cdrs: 3 });
    expect([small.locations, small.tariffs, small.sessions, small.cdrs].map((list) => list.length)).toEqual([
      5, 2, 9, 3,
    ]);
    expect(seedEmsp221({ emsp, tokens: 7 }).tokens).toHaveLength(7);
    expect(seedCpo221({ cpo, emsp, locations: 0, sessions: 0 })).toMatchObject({
      locations: [],
      sessions: [],
      cdrs: [],
    });
    expect(() => seedCpo221({ cpo, emsp, locations: -1 })).toThrow(RangeError);
  });

  it('mixes ACTIVE and COMPLETED Sessions', () => {
    const statuses = new Set(data.sessions.map(({ status }) => status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'COMPLETED']));
    for (const session of data.sessions) {
      expect(session.end_date_time === undefined).toBe(session.status === 'ACTIVE');
    }
  });

  it('gives everything to the parties asked for', () => {
    for (const item of [...data.locations, ...data.tariffs, ...data.sessions, ...data.cdrs]) {
      expect([item.country_code, item.party_id]).toEqual(['NL', 'TNM']);
    }
    for (const item of [
      ...data.sessions.map((s) => s.cdr_token),
      ...data.cdrs.map((c) => c.cdr_token),
      ...tokens,
    ]) {
      expect([item.country_code, item.party_id]).toEqual(['DE', 'EMP']);
    }
    expect(new Set(data.locations.map(({ operator }) => operator?.name))).toEqual(new Set([cpo.name]));
  });

  it('resolves every reference', () => {
    const tariffIds = new Set(data.tariffs.map(({ id }) => id));
    const connectors = new Map<string, v221.Connector>();
    for (const location of data.locations) {
      for (const evse of location.evses ?? []) {
        for (const connector of evse.connectors) {
          expect(connector.tariff_ids?.length).toBe(1);
          for (const id of connector.tariff_ids ?? []) expect(tariffIds).toContain(id);
          connectors.set(`${location.id}/${evse.uid}/${connector.id}`, connector);
        }
      }
    }
    const byUid = new Map(tokens.map((token) => [token.uid, token]));
    for (const session of data.sessions) {
      const connector = connectors.get(`${session.location_id}/${session.evse_uid}/${session.connector_id}`);
      expect(connector).toBeDefined();
      expect(
        session.charging_periods?.every(({ tariff_id }) => tariff_id === connector?.tariff_ids?.[0]),
      ).toBe(true);
      const token = byUid.get(session.cdr_token.uid);
      expect(token).toMatchObject({
        contract_id: session.cdr_token.contract_id,
        type: session.cdr_token.type,
        valid: true,
      });
    }
    const sessions = new Map(data.sessions.map((session) => [session.id, session]));
    for (const cdr of data.cdrs) {
      const session = sessions.get(cdr.session_id ?? '');
      expect(session).toMatchObject({
        status: 'COMPLETED',
        location_id: cdr.cdr_location.id,
        evse_uid: cdr.cdr_location.evse_uid,
        connector_id: cdr.cdr_location.connector_id,
        start_date_time: cdr.start_date_time,
        end_date_time: cdr.end_date_time,
        kwh: cdr.total_energy,
        cdr_token: cdr.cdr_token,
      });
      expect(cdr.tariffs?.map(({ id }) => id)).toEqual([
        connectors.get(`${cdr.cdr_location.id}/${cdr.cdr_location.evse_uid}/${cdr.cdr_location.connector_id}`)
          ?.tariff_ids?.[0],
      ]);
    }
  });

  it('marks the EVSEs of ACTIVE Sessions as CHARGING', () => {
    const evses = new Map(
      data.locations.flatMap((l) => (l.evses ?? []).map((evse) => [`${l.id}/${evse.uid}`, evse])),
    );
    for (const session of data.sessions.filter(({ status }) => status === 'ACTIVE')) {
      expect(evses.get(`${session.location_id}/${session.evse_uid}`)?.status).toBe('CHARGING');
    }
  });

  it('adds up the CDRs: totals are the sums of the charging periods, costs what the tariff gives', () => {
    const volume = (cdr: v221.CDR, type: string) =>
      sum(
        cdr.charging_periods.flatMap(({ dimensions }) =>
          dimensions.filter((d) => d.type === type).map((d) => d.volume),
        ),
      );
    let checkedCosts = 0;
    for (const cdr of data.cdrs) {
      expect(volume(cdr, 'ENERGY')).toBeCloseTo(cdr.total_energy, 6);
      expect(volume(cdr, 'TIME') + volume(cdr, 'PARKING_TIME')).toBeCloseTo(cdr.total_time, 3);
      expect(volume(cdr, 'PARKING_TIME')).toBeCloseTo(cdr.total_parking_time ?? 0, 3);
      const parts = [
        cdr.total_fixed_cost,
        cdr.total_energy_cost,
        cdr.total_time_cost,
        cdr.total_parking_cost,
      ];
      expect(sum(parts.map((part) => part?.excl_vat ?? 0))).toBeCloseTo(cdr.total_cost.excl_vat, 6);
      expect(cdr.total_cost.incl_vat).toBeCloseTo(cdr.total_cost.excl_vat * 1.21, 1);
      // Tariffs with one price per dimension and no restrictions: each part is volume times price.
      const [tariff] = cdr.tariffs ?? [];
      const elements = tariff?.elements ?? [];
      if (elements.some(({ restrictions }) => restrictions !== undefined)) continue;
      const priceOf = (type: string) =>
        elements
          .flatMap(({ price_components }) => price_components)
          .find((component) => component.type === type)?.price ?? 0;
      expect(cdr.total_fixed_cost?.excl_vat ?? 0).toBeCloseTo(priceOf('FLAT'), 6);
      expect(cdr.total_energy_cost?.excl_vat ?? 0).toBeCloseTo(cdr.total_energy * priceOf('ENERGY'), 2);
      expect(cdr.total_time_cost?.excl_vat ?? 0).toBeCloseTo(volume(cdr, 'TIME') * priceOf('TIME'), 1);
      expect(cdr.total_parking_cost?.excl_vat ?? 0).toBeCloseTo(
        (cdr.total_parking_time ?? 0) * priceOf('PARKING_TIME'),
        1,
      );
      checkedCosts++;
    }
    expect(checkedCosts).toBeGreaterThan(20);
  });

  it('spreads last_updated over the days before now, oldest first', () => {
    for (const list of [data.locations, data.tariffs, data.sessions, data.cdrs, tokens])
      expectRecentAndAscending(list);
    const now = new Date('2030-06-01T08:30:00Z');
    const later = seedCpo221({ cpo, emsp, now, locations: 30, sessions: 20 });
    for (const list of Object.values(later)) expectRecentAndAscending(list, now.getTime());
    expectRecentAndAscending(seedEmsp221({ emsp, now }).tokens, now.getTime());
    // A date filter returns part of the list, not all or nothing.
    const recent = data.locations.filter(({ last_updated }) => Date.parse(last_updated) >= NOW - 7 * DAY);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(data.locations.length);
  });

  it('adds older, unlisted Sessions when more CDRs are asked for than Sessions completed', () => {
    const many = seedCpo221({ cpo, emsp, sessions: 8, cdrs: 20 });
    expect(many.cdrs).toHaveLength(20);
    expect(many.cdrs.filter(({ session_id }) => session_id === undefined).length).toBe(20 - 7);
  });
});

describe('the simulated 2.1.1 CPO and eMSP', () => {
  const data = seedCpo211({ cpo, emsp });
  const { tokens } = seedEmsp211({ emsp, seed: 5 });

  it('make the counts asked for, with ACTIVE and COMPLETED Sessions', () => {
    expect([data.locations, data.tariffs, data.sessions, tokens].map((list) => list.length)).toEqual([
      300, 8, 120, 200,
    ]);
    expect(data.cdrs).toHaveLength(data.sessions.filter(({ status }) => status === 'COMPLETED').length);
    expect(new Set(data.sessions.map(({ status }) => status))).toEqual(new Set(['ACTIVE', 'COMPLETED']));
  });

  it('resolves every reference: tariffs, Locations, EVSEs, Connectors and tokens', () => {
    const tariffIds = new Set(data.tariffs.map(({ id }) => id));
    const locations = new Map(data.locations.map((location) => [location.id, location]));
    for (const location of data.locations) {
      for (const evse of location.evses ?? []) {
        for (const connector of evse.connectors) expect(tariffIds).toContain(connector.tariff_id);
      }
    }
    const authIds = new Map(tokens.map((token) => [token.auth_id, token]));
    for (const item of [...data.sessions, ...data.cdrs]) {
      const [evse] = item.location.evses ?? [];
      const [connector] = evse?.connectors ?? [];
      const listed = locations.get(item.location.id)?.evses?.find(({ uid }) => uid === evse?.uid);
      expect(listed?.connectors.map(({ id }) => id)).toContain(connector?.id);
      expect(authIds.get(item.auth_id)?.valid).toBe(true);
    }
  });

  it('adds up the CDRs', () => {
    for (const cdr of data.cdrs) {
      const volumes = (type: string) =>
        sum(
          cdr.charging_periods.flatMap(({ dimensions }) =>
            dimensions.filter((d) => d.type === type).map((d) => d.volume),
          ),
        );
      expect(volumes('ENERGY')).toBeCloseTo(cdr.total_energy, 6);
      expect(volumes('TIME') + volumes('PARKING_TIME')).toBeCloseTo(cdr.total_time, 3);
      expect(cdr.total_cost).toBeGreaterThan(0);
    }
  });

  it('spreads last_updated over the days before now, oldest first, in ASCII', () => {
    for (const list of [data.locations, data.tariffs, data.sessions, data.cdrs, tokens])
      expectRecentAndAscending(list);
    expect(tokens.every(({ issuer }) => issuer === 'Ladekarte Muenchen')).toBe(true);
  });
});
