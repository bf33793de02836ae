// The 2.1.1 rules table composes: each ruled object brings its own rule wherever the spec nests it
// (every enclosing object, derived from the model), whole and in PATCH bodies, with no parent walking
// its children by hand.
import * as api from '@org/ocpi/v211';
import { describe } from 'vitest';
import * as table from '../../src/v211/schemas/spec-rules';
import { describeComposition, type RuleSamples } from '../support/rule-composition';

const geo = { latitude: '50.770774', longitude: '-126.104965' };
const twice = (list: unknown) => [...(list as unknown[]), ...(list as unknown[])];
// The Location a Session or CDR embeds, with a second EVSE: it must hold only the one used.
const twoEvses = (valid: Record<string, unknown>) => {
  const location = valid.location as Record<string, unknown>;
  return { ...valid, location: { ...location, evses: twice(location.evses) } };
};

// A valid and a broken value of each ruled object; the rest of a sample comes from the model.
const samples: Record<string, RuleSamples> = {
  AdditionalGeoLocation: { valid: geo, broken: (valid) => ({ ...valid, latitude: '50.77' }) },
  CDR: { broken: twoEvses },
  EnergySource: { broken: (valid) => ({ ...valid, percentage: 150 }) },
  EVSE: { broken: (valid) => ({ ...valid, connectors: twice(valid.connectors) }) },
  GeoLocation: { valid: geo, broken: (valid) => ({ ...valid, longitude: '3,72' }) },
  RegularHours: {
    valid: { weekday: 1, period_begin: '08:00', period_end: '18:00' },
    broken: (valid) => ({ ...valid, period_end: '07:00' }),
  },
  Session: { broken: twoEvses },
  TariffRestrictions: { valid: { start_time: '13:30' }, broken: () => ({ start_time: '25:00' }) },
};

describe('OCPI 2.1.1 rules table', () => {
  describeComposition({
    version: '2.1.1',
    api,
    table,
    samples,
    examples: [
      { ruled: 'GeoLocation', enclosing: 'Location', path: ['evses', 0, 'coordinates'] },
      { ruled: 'TariffRestrictions', enclosing: 'CDR', path: ['tariffs', 0, 'elements', 0, 'restrictions'] },
      { ruled: 'RegularHours', enclosing: 'Location', path: ['opening_times', 'regular_hours', 0] },
    ],
  });
});
