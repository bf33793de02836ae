// Issue #16: the compiled validators are registered when the SDK's hot paths start (createClient,
// serveVersion), never by importing a module, so that a bundle of schemas alone keeps none of them.
// Each case loads fresh modules (vitest shares them between files here), so nothing registered before.
import { describe, expect, it, vi } from 'vitest';

const business_details = { name: 'Example' };

const fresh = async () => {
  vi.resetModules();
  const registry = await import('../../../../src/common/schema/compiled/registry');
  const v221 = await import('../../../../src/v221');
  const v211 = await import('../../../../src/v211');
  return { registry, v221, v211 };
};

describe('registering the compiled validators', () => {
  it('does not happen at import', async () => {
    const { registry, v221, v211 } = await fresh();
    expect(registry.compiledValidatorOf(v221.LocationSchema)).toBeUndefined();
    expect(registry.compiledValidatorOf(v211.LocationSchema)).toBeUndefined();
  });

  it('is done by each version createClient', async () => {
    const { registry, v221, v211 } = await fresh();
    v221.createClient({
      token: 't',
      endpoints: [],
      from: { countryCode: 'NL', partyId: 'EMS' },
      to: { countryCode: 'DE', partyId: 'CPO' },
    });
    expect(registry.compiledValidatorOf(v221.LocationSchema)).toBeDefined();
    expect(registry.compiledValidatorOf(v211.LocationSchema)).toBeUndefined();
    v211.createClient({ token: 't', endpoints: [] });
    expect(registry.compiledValidatorOf(v211.LocationSchema)).toBeDefined();
  });

  it('is done by each version serveVersion', async () => {
    const { registry, v221, v211 } = await fresh();
    v211.serveVersion({ country_code: 'NL', party_id: 'EMS', business_details, modules: {} });
    expect(registry.compiledValidatorOf(v211.SessionSchema)).toBeDefined();
    expect(registry.compiledValidatorOf(v221.SessionSchema)).toBeUndefined();
    v221.serveVersion({
      roles: [{ role: 'EMSP', country_code: 'NL', party_id: 'EMS', business_details }],
      modules: {},
    });
    expect(registry.compiledValidatorOf(v221.SessionSchema)).toBeDefined();
  });

  it('is open to users of parsePayload, idempotent, and keeps the first validator of a schema', async () => {
    const { registry, v221 } = await fresh();
    const root = await import('../../../../src');
    expect(root.registerCompiledValidators).toBe(registry.registerCompiledValidators);
    root.registerCompiledValidators(v221.compiledPairs());
    const first = registry.compiledValidatorOf(v221.TokenSchema);
    root.registerCompiledValidators(v221.compiledPairs());
    root.registerCompiledValidators([[v221.TokenSchema, () => 'other']]);
    expect(registry.compiledValidatorOf(v221.TokenSchema)).toBe(first);
  });
});
