// OCPI 2.2.1 CDRs: every object is generated with its prose rules (../generated/schemas.ts, rules from
// spec-rules.ts); nothing is curated here.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_cdrs.asciidoc

