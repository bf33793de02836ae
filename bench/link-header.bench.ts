// Link header parsing: a typical header, and the adversarial 100k-character ones of the tests, so a
// regression to super-linear time shows up here rather than as a flaky timed test.
import { bench, describe } from 'vitest';
import { findNextLink } from '../src';

const request = 'https://cpo.example.com/ocpi/cpo/2.2.1/cdrs';
const typical = '<https://cpo.example.com/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50>; rel="next"';
const adversarial = {
  'unclosed brackets': '<'.repeat(100_000),
  'empty parameters': `<a>;${' ;'.repeat(50_000)}`,
  'unclosed quoted escapes': `<a>; rel="${'\\"'.repeat(50_000)}`,
  'many links, next last': `${Array.from({ length: 4_000 }, (_, i) => `<https://x.example/${i}>; rel="prev"`).join(', ')}, <https://x.example/n>; rel="next"`,
};

describe('findNextLink', () => {
  bench('typical OCPI header', () => {
    findNextLink(typical, request);
  });
  for (const [name, header] of Object.entries(adversarial)) {
    bench(`100k adversarial: ${name}`, () => {
      findNextLink(header, request);
    });
  }
});
