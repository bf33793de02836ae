// What a user's editor shows of the package: spec types by their name, each field's doc, types that
// match their schemas, client members as readable call signatures. The suites live in editor-view/ and
// read one TypeScript program (consumer-program.ts); they run from this one file so that one worker
// builds that program once, instead of each worker that would draw one of them building its own.
import './editor-view/named-types';
import './editor-view/field-docs';
import './editor-view/schema-outputs';
import './editor-view/client-members';
