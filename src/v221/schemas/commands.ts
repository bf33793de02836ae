// OCPI 2.2.1 Commands: the objects are generated with their prose rules (../generated/schemas.ts, rules
// from spec-rules.ts), and so is CommandRequestSchemas, the body of each command; nothing is curated here.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_commands.asciidoc

