// The rules table of the definitions both versions share (src/common/generated/schemas.ts): each spec
// name mapped to the check of that object itself. scripts/codegen attaches them at the shared
// definitions. Each version's own table (src/v2xx/schemas/spec-rules.ts) lists them too, with the very
// same check; a definition that the versions check differently is not shared (the generator decides).
export { checkEnergySource as EnergySource } from './prose-rules';
