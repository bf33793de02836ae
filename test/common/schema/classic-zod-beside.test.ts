// An app that imports classic zod (or a dependency that does: playwright-core bundles it) puts zod's
// English messages in a config every zod 4 copy of the process shares. The SDK's messages stay its own.
// Run in a child process: classic zod's config would otherwise stay in this worker for later files.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = `
  const { parsePayload } = await import('./src/index.ts');
  const { LocationSchema } = await import('./src/v221/index.ts');
  const messages = () => {
    const result = parsePayload(LocationSchema, { id: 42, country_code: 'NL', publish: 'yes', parking_type: 'ROOF' }, { mode: 'strict', subject: 'Location' });
    return result.success ? [] : result.error.issues.map((issue) => issue.path + ': ' + issue.message);
  };
  const before = messages();
  // Classic zod registers its English messages when its first schema is made.
  const { z } = await import('zod');
  z.string();
  if (typeof globalThis.__zod_globalConfig?.localeError !== 'function') throw new Error('no locale installed');
  console.log(JSON.stringify({ before, after: messages() }));
`;

describe('classic zod in the same process', () => {
  it('leaves the validation messages as they were', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], {
      encoding: 'utf8',
    });
    const { before, after } = JSON.parse(output) as { before: string[]; after: string[] };
    expect(before).toContain('id: expected string, received number');
    expect(before).toContain('publish: expected boolean, received string');
    expect(before.find((message) => message.startsWith('parking_type: '))).toMatch(
      /^parking_type: must be one of "ALONG_MOTORWAY"/,
    );
    expect(after).toEqual(before);
  });
});
