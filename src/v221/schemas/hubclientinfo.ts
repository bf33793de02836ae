// OCPI 2.2.1 HubClientInfo: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_hub_client_info.asciidoc
export {
  type ClientInfo,
  ClientInfoSchema,
  type ConnectionStatus,
  ConnectionStatusSchema,
  ConnectionStatusValues,
} from '../generated/schemas';
