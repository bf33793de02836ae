// What a user's TypeScript sees of the package: the names each entry exports (export-lists), spec types
// by their name, each field's doc, types that match their schemas, client members as readable call
// signatures, honest types per mode, JSDoc examples that compile (that no type of ky is in the public
// types is checked on the built declarations, by scripts/check-dist.mjs). The suites live in public-api/
// and read one TypeScript program (consumer-program.ts); they run from this one file so that one worker loads TypeScript and builds that program once, instead of
// each worker that would draw one of them doing it again.
import './public-api/export-lists';
import './public-api/named-types';
import './public-api/field-docs';
import './public-api/schema-outputs';
import './public-api/client-members';
import './public-api/honest-types';
import './public-api/jsdoc-examples';
