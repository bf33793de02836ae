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
const page = [token('A1'), { ...token('B2'), whitelist: 'SOMETIMES', valid: 'yes' }, token('C3')];

// One bad Token never costs the others.
const { items, rejected } = parseList(TokenSchema, page, { mode: 'lenient', subject: 'Token' });
console.log(items.map((item) => item.uid).join(', ')); // => A1, C3
console.log(rejected.map(({ index, id, error }) => `#${index} ${id}: ${error.issues[0]?.path}`).join('')); // => #1 B2: valid
