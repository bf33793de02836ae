// OCPI 2.1.1 Credentials: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/credentials.md
export {
  type Credentials,
  CredentialsSchema,
} from '../generated/schemas';
