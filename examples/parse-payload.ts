import { parsePayload } from '@org/ocpi';
import { TokenSchema } from '@org/ocpi/v221';

// A Token as a partner pushed it: a field of its own, and a whitelist value the spec does not have.
const body: unknown = JSON.parse(`{
  "country_code": "DE", "party_id": "TNM", "uid": "A1", "type": "RFID", "contract_id": "DE8ACCA1",
  "issuer": "TheNewMotion", "valid": true, "whitelist": "SOMETIMES", "last_updated": "2024-06-01T12:00:00Z",
  "loyalty_id": "L-42"
}`);

// Strict: the spec exactly. It never throws: the error lists each issue with its path, the fatal first.
const strict = parsePayload(TokenSchema, body, { mode: 'strict', subject: 'Token' });
if (!strict.success) {
  console.log(strict.error.issues.map(({ path, fatal }) => `${path}${fatal ? ' (fatal)' : ''}`));
  // => [ 'whitelist (fatal)', 'loyalty_id' ]
}

// Lenient: keeps what can be kept, and says what it did.
const lenient = parsePayload(TokenSchema, body, { mode: 'lenient', subject: 'Token' });
if (lenient.success) {
  console.log(
    lenient.data.uid,
    lenient.issues.map((issue) => `${issue.action} ${issue.path}`),
  );
  // => A1 [ 'kept whitelist', 'dropped loyalty_id' ]
}
