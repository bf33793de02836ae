import { formatAuthorizationHeader, matchCredentialsToken } from '@org/ocpi';

// Sending: 2.2.1 wants Base64, 2.1.1 the token as is; a per-partner switch covers servers that differ.
console.log(formatAuthorizationHeader('example-token', { version: '2.2.1' })); // => Token ZXhhbXBsZS10b2tlbg==
console.log(formatAuthorizationHeader('example-token', { version: '2.2.1', encoding: 'raw' })); // => Token example-token

// Receiving: accept both forms and learn which one each partner uses.
const partners = new Map([['example-token', { name: 'Example CPO' }]]);
const match = await matchCredentialsToken('Token ZXhhbXBsZS10b2tlbg==', (token) => partners.get(token), {
  accept: 'both',
});
console.log(match.matched && `${match.partner.name} sent a ${match.encoding} token`); // => Example CPO sent a base64 token
