import { parseList } from '@org/ocpi';
import { TokenSchema } from '@org/ocpi/v221';

const token = (uid: string) => ({
  country_code: 'DE',
  party_id: 'TNM',
  uid,
  type: 'RFID',
  contract_id: `DE8ACC${uid}`,
  issuer: 'TheNewMotion',
  valid: true,
  whitelist: 'ALLOWED',
  last_updated: '2024-06-01T12:00:00Z',
});
const page = [token('A1'), { ...token('B2'), type: 'NFC', valid: 'yes' }, token('C3')];

// One bad Token never costs the others.
const { items, rejected } = parseList(TokenSchema, page, { mode: 'lenient', subject: 'Token' });
console.log(items.map((item) => item.uid).join(', ')); // => A1, C3

// What cost the item comes first, marked fatal; what lenient mode would have tolerated follows.
const [bad] = rejected;
const marked = bad?.issues.map(({ path, fatal }) => `${path} (${fatal ? 'fatal' : 'tolerated'})`);
console.log(`#${bad?.index} ${bad?.id}: ${marked?.join(', ')}`); // => #1 B2: valid (fatal), type (tolerated)
console.log(bad?.error.message); // => Invalid Token [1]: 1 fatal issue (valid: expected boolean, received string) and 1 tolerated (type: must be one of "AD_HOC_USER", "APP_USER", "OTHER", "RFID" (kept))
