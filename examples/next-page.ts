import { findNextLink } from '@org/ocpi';

const requestUrl = 'https://cpo.example.com/ocpi/cpo/2.2.1/locations?limit=50';
const link = '</ocpi/cpo/2.2.1/locations?offset=50&limit=50>; rel="next"';
console.log(findNextLink(link, requestUrl)); // => https://cpo.example.com/ocpi/cpo/2.2.1/locations?offset=50&limit=50
console.log(findNextLink(null, requestUrl)); // => undefined
