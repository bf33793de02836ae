// `npm run demo`'s flow, run as the demo runs it: counts synced equal counts seeded, the command's
// result arrives, and the CDR totals are the seeded ones.
import { partnerUrlPolicy } from '@org/ocpi';
import { seedCpo211, seedCpo221, serveLocally, simulatedCpo } from '@org/ocpi/testing';
import { describe, expect, it } from 'vitest';
import { type DemoOutput, streamOutput } from '../../src/testing/demo/demo-output';
import { runDemo, runPartnerTour } from '../../src/testing/demo/run-demo';
import { DEFAULT_PARTIES } from '../../src/testing/simulated-party';

function captured(): { output: DemoOutput; text: () => string } {
  let written = '';
  const output = streamOutput({ write: (chunk: string) => (written += chunk) }, {});
  return { output, text: () => written };
}

describe('the demo', () => {
  it('runs the whole flow in both versions and prints the summary', async () => {
    const { output, text } = captured();
    const results = await runDemo({ output, locations: 40 });
    const seeds = {
      '2.2.1': seedCpo221({ seed: 1, cpo: DEFAULT_PARTIES.CPO, emsp: DEFAULT_PARTIES.EMSP, locations: 40 }),
      '2.1.1': seedCpo211({ seed: 1, cpo: DEFAULT_PARTIES.CPO, emsp: DEFAULT_PARTIES.EMSP, locations: 40 }),
    };
    expect(results.map(({ version }) => version)).toEqual(['2.2.1', '2.1.1']);
    for (const result of results) {
      const seeded = seeds[result.version];
      expect(result.locations).toBe(seeded.locations.length);
      expect(result.commandResult).toBe('ACCEPTED');
      // The session the command started is there too.
      expect(result.sessions).toBe(seeded.sessions.length + 1);
      expect(result.cdrs).toBe(seeded.cdrs.length);
      const energy = (seeded.cdrs as readonly { total_energy: number }[]).reduce(
        (sum, cdr) => sum + cdr.total_energy,
        0,
      );
      expect(result.cdrEnergy).toBeCloseTo(energy, 6);
      expect(result.deviations).toBe(0);
    }
    const printed = text();
    expect(printed).toContain('registered in 2.2.1');
    expect(printed).toContain('registered in 2.1.1');
    expect(printed).toMatch(/^version\s+Locations\s+pages/m);
    // Not a terminal: plain lines, no escape codes.
    expect(printed).not.toContain('\u001b');
  });

  it('draws progress and colours on a terminal, and no colours with NO_COLOR', () => {
    let written = '';
    const write = (chunk: string) => (written += chunk);
    const tty = streamOutput({ write, isTTY: true }, {});
    tty.progress('half');
    tty.line(tty.ok('done'));
    expect(written).toBe('half\r\u001b[2K\u001b[32mdone\u001b[0m\n');
    written = '';
    const plain = streamOutput({ write, isTTY: true }, { NO_COLOR: '1' });
    plain.line(plain.ok('done'));
    expect(written).toBe('done\n');
  });
});

describe('the demo against a partner of your own (--versions-url, --token)', () => {
  it('connects with the registered token and reads, writing nothing', async () => {
    const cpo = await serveLocally((baseUrl) => simulatedCpo({ version: '2.2.1', baseUrl, locations: 12 }));
    try {
      const { output, text } = captured();
      const result = await runPartnerTour({
        output,
        versionsUrl: cpo.versionsUrl,
        token: cpo.registeredToken,
        allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
      });
      expect(result).toMatchObject({
        version: '2.2.1',
        locations: 12,
        tokenPushed: false,
        commandResult: 'skipped',
      });
      expect(result.cdrs).toBe(cpo.data.cdrs.length);
      expect(cpo.data.commands).toEqual([]);
      expect(cpo.data.tokens.size).toBe(0);
      expect(text()).toContain('connected in 2.2.1');
    } finally {
      await cpo.close();
    }
  });
});
