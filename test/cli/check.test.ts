// `ocpi check` run in process against the simulated partners of src/testing: a clean run of each party
// in both versions, and one run per fault, each asserting what the report says about it.
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckReport, EndpointReport } from '../../src/cli/check/check-report';
import { runCheck } from '../../src/cli/check/run-check';
import type { OcpiVersion } from '../../src/common/protocol/version';
import { FAULT_NAMES, type FaultName } from '../../src/testing/faults/fault-name';
import { type LocalParty, serveLocally } from '../../src/testing/serve-locally';
import { simulatedCpo } from '../../src/testing/simulated-cpo';
import { simulatedEmsp } from '../../src/testing/simulated-emsp';
import { simulatedHub } from '../../src/testing/simulated-hub';

// Small parties with several pages each, so that a run takes a fraction of a second.
const SIZE = { locations: 24, sessions: 16, pageLimit: 10 };
// Long enough to stand out from a loopback answer (a few ms), short as every request of a run waits it.
const LATENCY_MS = 20;
const open: LocalParty<unknown>[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((party) => party.close()));
});

async function cpo(version: OcpiVersion, faults: readonly FaultName[] = []) {
  const party = await serveLocally((baseUrl) =>
    simulatedCpo({
      version,
      baseUrl,
      ...SIZE,
      faults,
      faultSettings: { latencyMs: LATENCY_MS, retryAfterSeconds: 0, burstEvery: 5 },
    }),
  );
  open.push(party as LocalParty<unknown>);
  return party;
}

function endpoint(report: CheckReport, module: string): EndpointReport {
  const found = report.modules
    .find((candidate) => candidate.module === module)
    ?.endpoints.find((candidate) => candidate.status !== 'skipped');
  if (!found) throw new Error(`no ${module} list in the report`);
  return found;
}

const findingsOf = (report: CheckReport, module: string) =>
  report.findings
    .filter((finding) => finding.module === module)
    .map((finding) => `${finding.severity} ${finding.message}`);

const check = (party: { versionsUrl: string; registeredToken: string }) =>
  runCheck({ versionsUrl: party.versionsUrl, token: party.registeredToken, timeout: 5_000 });

describe.each(['2.2.1', '2.1.1'] as const)('ocpi check against clean simulated partners, %s', (version) => {
  it('finds a CPO conformant: every list ok, as many objects as it holds, all valid', async () => {
    const party = await cpo(version);
    const report = await check(party);
    expect(report).toMatchObject({
      reportVersion: 1,
      versionChosen: version,
      summary: { status: 'ok', fail: 0, warn: 0 },
    });
    expect(report.versionsFound).toEqual([version]);
    for (const module of report.modules) expect(module.status, module.module).toMatch(/^(ok|skipped)$/);
    const data = party.data as unknown as Record<'locations' | 'sessions' | 'cdrs' | 'tariffs', unknown[]>;
    for (const module of ['locations', 'sessions', 'cdrs', 'tariffs'] as const) {
      const list = endpoint(report, module);
      expect(list, module).toMatchObject({
        status: 'ok',
        objects: data[module].length,
        validStrict: data[module].length,
        validLenient: data[module].length,
        deviations: [],
      });
      expect(list.pagination).toMatchObject({ limitHonoured: true, truncated: false, limit: SIZE.pageLimit });
      expect(list.pagination?.linkPresent).toBe(list.pagination?.pagesWithMore);
      expect(list.dateFilters?.narrowing, module).toBe(true);
      expect(list.timings.count).toBeGreaterThan(0);
    }
    expect(endpoint(report, 'locations').pagination?.pages).toBe(3);
    expect(report.tokenEncoding?.used).toBe(version === '2.2.1' ? 'base64' : 'raw');
    expect(report.modules.find((module) => module.module === 'commands')?.status).toBe('skipped');
  });

  it('finds an eMSP conformant: its Tokens list ok, as many as it holds', async () => {
    const party = await serveLocally((baseUrl) => simulatedEmsp({ version, baseUrl, pageLimit: 10 }));
    open.push(party as LocalParty<unknown>);
    const report = await check(party);
    expect(report.summary).toMatchObject({ status: 'ok', fail: 0, warn: 0 });
    const tokens = endpoint(report, 'tokens');
    const seeded = (party.data as unknown as { tokens: unknown[] }).tokens.length;
    expect(tokens).toMatchObject({
      status: 'ok',
      objects: seeded,
      validStrict: seeded,
      validLenient: seeded,
    });
    expect(tokens.role).toBe(version === '2.2.1' ? 'SENDER' : 'emsp');
  });

  it('finds a hub conformant: the lists of its parties together', async () => {
    const party = await serveLocally((baseUrl) =>
      simulatedHub({ version, baseUrl, locations: 12, sessions: 8, pageLimit: 10 }),
    );
    open.push(party as LocalParty<unknown>);
    const report = await check(party);
    expect(report.summary).toMatchObject({ status: 'ok', fail: 0, warn: 0 });
    for (const module of report.modules) expect(module.status, module.module).toMatch(/^(ok|skipped)$/);
    const locations = party.data.members
      .filter((member) => member.role === 'CPO')
      .reduce((sum, member) => sum + ((member.data as { locations?: unknown[] }).locations?.length ?? 0), 0);
    expect(endpoint(report, 'locations').objects).toBe(locations);
    if (version === '2.2.1') expect(endpoint(report, 'hubclientinfo').objects).toBe(3);
  });
});

describe('ocpi check --party: the 2.2.1 routing headers', () => {
  it('sends our party and finds the routing headers on every answer to a routed request', async () => {
    const party = await cpo('2.2.1');
    const report = await runCheck({
      versionsUrl: party.versionsUrl,
      token: party.registeredToken,
      timeout: 5_000,
      party: { countryCode: party.counterParty.countryCode, partyId: party.counterParty.partyId },
    });
    expect(report.summary).toMatchObject({ status: 'ok', fail: 0, warn: 0 });
    expect(report.headers?.routingExpected).toBeGreaterThan(0);
    expect(report.headers?.routingPresent).toBe(report.headers?.routingExpected);
    expect(findingsOf(report, 'headers')).toEqual([]);
  });

  it('without it, says that routing was not checked', async () => {
    const report = await check(await cpo('2.2.1'));
    expect(report.headers?.routingExpected).toBe(0);
    expect(findingsOf(report, 'headers')).toEqual([
      'info routing headers on answers not checked: our requests carried none (name our party with --party, or use --register)',
    ]);
  });
});

// What each fault should make the report say; every name of FAULT_NAMES has its case.
const FAULT_CASES: Record<FaultName, { version: OcpiVersion; expect: (report: CheckReport) => void }> = {
  latency: {
    version: '2.2.1',
    expect: (report) => {
      expect(endpoint(report, 'locations').timings.medianMs).toBeGreaterThanOrEqual(LATENCY_MS);
      expect(report.timings.medianMs).toBeGreaterThanOrEqual(LATENCY_MS);
    },
  },
  'busy-bursts': {
    version: '2.2.1',
    expect: (report) => {
      const statuses = report.modules.flatMap((module) =>
        module.endpoints.map((e) => e.httpStatuses['503'] ?? 0),
      );
      expect(statuses.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(report.findings.some((finding) => /503\/429/.test(finding.message))).toBe(true);
      expect(endpoint(report, 'locations').objects).toBe(SIZE.locations);
    },
  },
  'no-link': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({ status: 'fail', objects: SIZE.locations });
      expect(locations.pagination).toMatchObject({ linkPresent: 0, pagesWithMore: 2, totalCountPresent: 3 });
      expect(findingsOf(report, 'locations')).toContain(
        'fail SENDER: 2 of 2 page(s) with more after them carried no Link to the next page',
      );
    },
  },
  'no-total': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({ status: 'fail', objects: SIZE.locations });
      expect(locations.pagination?.totalCountPresent).toBe(0);
      expect(locations.pagination?.linkPresent).toBe(locations.pagination?.pagesWithMore);
      expect(findingsOf(report, 'locations').some((text) => /carried no X-Total-Count/.test(text))).toBe(
        true,
      );
    },
  },
  'relative-link': {
    version: '2.2.1',
    expect: (report) => {
      expect(endpoint(report, 'locations')).toMatchObject({ status: 'warn', objects: SIZE.locations });
      expect(endpoint(report, 'locations').pagination?.relativeLinks).toBe(2);
      expect(findingsOf(report, 'locations')).toContain(
        'warn SENDER: 2 Link header(s) gave a path instead of an absolute URL',
      );
    },
  },
  'extension-fields': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({ status: 'ok', validStrict: SIZE.locations });
      expect(locations.deviations?.map((deviation) => deviation.path)).toContain('x_simulated_note');
      expect(
        findingsOf(report, 'locations').some((text) => /^info .*the spec does not define/.test(text)),
      ).toBe(true);
    },
  },
  'null-optionals': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({
        status: 'warn',
        validStrict: SIZE.locations,
        validLenient: SIZE.locations,
      });
      expect(locations.deviations?.[0]).toMatchObject({
        count: SIZE.locations,
        message: 'null read as absent',
      });
    },
  },
  'local-timestamps': {
    // A DateTime without its Z is still UTC to the spec: nothing to hold against the partner.
    version: '2.2.1',
    expect: (report) => {
      expect(endpoint(report, 'locations')).toMatchObject({ status: 'ok', validStrict: SIZE.locations });
      expect(endpoint(report, 'locations').dateFilters?.narrowing).toBe(true);
    },
  },
  'offset-timestamps': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({ status: 'fail', validStrict: 0, validLenient: SIZE.locations });
      expect(locations.deviations?.some((deviation) => /UTC timestamp/.test(deviation.message))).toBe(true);
      expect(findingsOf(report, 'locations')).toContain(
        `fail SENDER: ${SIZE.locations} of ${SIZE.locations} object(s) break the spec (strict validation)`,
      );
    },
  },
  'invalid-item': {
    version: '2.2.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      // One per page of three.
      expect(locations).toMatchObject({
        status: 'fail',
        objects: SIZE.locations,
        validLenient: SIZE.locations - 3,
      });
      expect(locations.deviations?.[0]).toMatchObject({ path: 'last_updated', count: 3 });
      expect(findingsOf(report, 'locations')).toContain(
        `fail SENDER: 3 of ${SIZE.locations} object(s) could not be read even leniently`,
      );
    },
  },
  'raw-tokens': {
    // Only the partner's own calls to us show it: the credentials handshake's callback.
    version: '2.2.1',
    expect: (report) => {
      expect(report.registration).toMatchObject({ partnerTokenEncoding: 'raw', unregistered: true });
      expect(findingsOf(report, 'credentials')).toContain(
        'warn the partner called us with our token unencoded; OCPI 2.2.1 sends it Base64-encoded',
      );
    },
  },
  'version-2.1': {
    version: '2.1.1',
    expect: (report) => {
      expect(report).toMatchObject({ versionsFound: ['2.1'], versionChosen: '2.1.1' });
      expect(findingsOf(report, 'versions')).toContain('warn the versions list names 2.1.1 as "2.1"');
      expect(endpoint(report, 'locations').status).toBe('ok');
    },
  },
  'non-ascii': {
    version: '2.1.1',
    expect: (report) => {
      const locations = endpoint(report, 'locations');
      expect(locations).toMatchObject({ status: 'fail', validStrict: 0, validLenient: SIZE.locations });
      expect(locations.deviations?.some((deviation) => /printable ASCII/.test(deviation.message))).toBe(true);
    },
  },
};

describe('ocpi check against a simulated CPO making each fault', () => {
  it('has a case for every fault', () => {
    expect(Object.keys(FAULT_CASES).sort()).toEqual([...FAULT_NAMES].sort());
  });

  it.each(FAULT_NAMES.map((name) => [name] as const))('reports %s', async (fault) => {
    const { version, expect: expectation } = FAULT_CASES[fault];
    const party = await cpo(version, [fault]);
    const register = fault === 'raw-tokens';
    const report = await runCheck({
      versionsUrl: party.versionsUrl,
      token: register ? party.tokenA : party.registeredToken,
      register,
      timeout: 5_000,
    });
    expectation(report);
  });
});

describe('ocpi check --register and --write', () => {
  it('registers with token A, checks with the token received, writes, and unregisters', async () => {
    const party = await cpo('2.2.1');
    const report = await runCheck({
      versionsUrl: party.versionsUrl,
      token: party.tokenA,
      register: true,
      write: true,
      timeout: 5_000,
    });
    expect(report.registration).toMatchObject({
      status: 'ok',
      unregistered: true,
      partnerTokenEncoding: 'base64',
    });
    expect(report.writes).toEqual([
      expect.objectContaining({ name: 'token push', status: 'ok' }),
      expect.objectContaining({ name: 'command', status: 'ok' }),
    ]);
    // The token pushed reached the CPO; the registration is gone again.
    expect(party.data.tokens.size).toBe(1);
    expect((await party.store.findById('invited'))?.status).not.toBe('registered');
    expect(endpoint(report, 'locations').objects).toBe(SIZE.locations);
  });

  it('skips the writes an eMSP cannot take, with a note', async () => {
    const party = await serveLocally((baseUrl) => simulatedEmsp({ version: '2.2.1', baseUrl }));
    open.push(party as LocalParty<unknown>);
    const report = await runCheck({
      versionsUrl: party.versionsUrl,
      token: party.registeredToken,
      write: true,
    });
    expect(report.writes?.map((write) => write.status)).toEqual(['skipped', 'skipped']);
  });
});
