// The endpoint operations of each spec version: one row per interface, method and URL pattern, read from
// each module's "Interfaces and endpoints" section by this project (the spec gives no single list, and
// writes its URL patterns in several ways: these are normalised, with a note where the spec text
// differs). The client's operation maps are matched against them in test/client/every-operation.test.ts,
// which also checks each interface's methods against the method tables of the spec itself.

/** One operation row: `module | interface | method | URL pattern`, and where the spec defines it. */
export interface OperationRow {
  /** `Locations`, `CDRs`, `ChargingProfiles`... */
  module: string;
  /** `CPO interface`, `Sender (typically CPO)`, `Server (both roles)`... */
  interface: string;
  method: string;
  /** The URL pattern; a note after two spaces or in parentheses says where the spec text differs. */
  url: string;
  /** The spec file of the module. */
  file: string;
  /** The section within it. */
  section: string;
}

export type OperationVersion = '2.1.1' | '2.2.1';

// module | interface | method | URL pattern | file | section
const TABLES: Record<OperationVersion, string> = {
  '2.1.1': `
Versions | Server (both roles) | GET | {versions_url} | version_information_endpoint.md | "Version information endpoint" / GET
Versions | Server (both roles) | GET | {version_details_url}  (Version.url) | version_information_endpoint.md | "Version details endpoint" / GET
Credentials | Server (both roles, symmetric) | GET | {credentials_endpoint_url} | credentials.md | §1.1
Credentials | Server (both roles, symmetric) | POST | {credentials_endpoint_url} | credentials.md | §1.2
Credentials | Server (both roles, symmetric) | PUT | {credentials_endpoint_url} | credentials.md | §1.3
Credentials | Server (both roles, symmetric) | DELETE | {credentials_endpoint_url} | credentials.md | §1.4
Locations | CPO interface | GET | {locations_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_locations.md | §2.1.1 GET List
Locations | CPO interface | GET | {locations_endpoint_url}/{location_id}[/{evse_uid}[/{connector_id}]] | mod_locations.md | §2.1.1 GET Object
Locations | eMSP interface | GET | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]] | mod_locations.md | §2.2.1
Locations | eMSP interface | PUT | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]] | mod_locations.md | §2.2.2
Locations | eMSP interface | PATCH | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]] | mod_locations.md | §2.2.3
Sessions | CPO interface | GET | {sessions_endpoint_url}?date_from={date_from}&[date_to]&[offset]&[limit] | mod_sessions.md | §2.1.1
Sessions | eMSP interface | GET | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.md | §2.2.1
Sessions | eMSP interface | PUT | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.md | §2.2.2
Sessions | eMSP interface | PATCH | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.md | §2.2.3
CDRs | CPO interface | GET | {cdrs_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_cdrs.md | §2.1.1
CDRs | eMSP interface | POST | {cdrs_endpoint_url} | mod_cdrs.md | §2.2.2
CDRs | eMSP interface | GET | {URL returned in Location header of POST} (no structure defined) | mod_cdrs.md | §2.2.1
Tariffs | CPO interface | GET | {tariffs_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_tariffs.md | §2.1.1
Tariffs | eMSP interface | GET | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.md | §2.2.1
Tariffs | eMSP interface | PUT | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.md | §2.2.2
Tariffs | eMSP interface | PATCH | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.md | §2.2.3
Tariffs | eMSP interface | DELETE | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.md | §2.2.4
Tokens | CPO interface | GET | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid} | mod_tokens.md | §2.1.1
Tokens | CPO interface | PUT | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid} | mod_tokens.md | §2.1.2 PUT
Tokens | CPO interface | PATCH | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid} | mod_tokens.md | §2.1.2 PATCH (numbering duplicated in spec)
Tokens | eMSP interface | GET | {tokens_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_tokens.md | §2.2.1
Tokens | eMSP interface | POST | {tokens_endpoint_url}/{token_uid}/authorize[?type={token_type}] | mod_tokens.md | §2.2.2
Commands | CPO interface | POST | {commands_endpoint_url}/{command}   (command = CommandType) | mod_commands.md | §2.1.1
Commands | eMSP interface | POST | {response_url} given in the command (example /commands/{command}/{uid}) | mod_commands.md | §2.2.1
`,
  '2.2.1': `
Versions | Server (both roles) | GET | {versions_url} | version_information_endpoint.asciidoc | "Version information endpoint" / GET
Versions | Server (both roles) | GET | {version_details_url}  (Version.url) | version_information_endpoint.asciidoc | "Version details endpoint" / GET
Credentials | Server (symmetric; Sender/Receiver only decides who starts) | GET | {credentials_endpoint_url} | credentials.asciidoc | "GET Method"
Credentials | Server (symmetric; Sender/Receiver only decides who starts) | POST | {credentials_endpoint_url} | credentials.asciidoc | "POST Method"
Credentials | Server (symmetric; Sender/Receiver only decides who starts) | PUT | {credentials_endpoint_url} | credentials.asciidoc | "PUT Method"
Credentials | Server (symmetric; Sender/Receiver only decides who starts) | DELETE | {credentials_endpoint_url} | credentials.asciidoc | "DELETE Method"
Locations | Sender (typically CPO) | GET | {locations_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_locations.asciidoc | Sender Interface / GET List
Locations | Sender (typically CPO) | GET | {locations_endpoint_url}/{location_id}[/{evse_uid}][/{connector_id}] | mod_locations.asciidoc | Sender Interface / GET Object
Locations | Receiver (typically eMSP, NSP) | GET | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}] | mod_locations.asciidoc | Receiver Interface / GET
Locations | Receiver (typically eMSP, NSP) | PUT | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}] | mod_locations.asciidoc | Receiver Interface / PUT
Locations | Receiver (typically eMSP, NSP) | PATCH | {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}] | mod_locations.asciidoc | Receiver Interface / PATCH
Sessions | Sender (typically CPO) | GET | {sessions_endpoint_url}?date_from={date_from}&[date_to]&[offset]&[limit] | mod_sessions.asciidoc | Sender Interface / GET
Sessions | Sender (typically CPO) | PUT | {sessions_endpoint_url}/{session_id}/charging_preferences | mod_sessions.asciidoc | Sender Interface / PUT (Set Charging Preferences)
Sessions | Receiver (typically eMSP, SCSP) | GET | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.asciidoc | Receiver Interface / GET
Sessions | Receiver (typically eMSP, SCSP) | PUT | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.asciidoc | Receiver Interface / PUT
Sessions | Receiver (typically eMSP, SCSP) | PATCH | {sessions_endpoint_url}/{country_code}/{party_id}/{session_id} | mod_sessions.asciidoc | Receiver Interface / PATCH
CDRs | Sender (typically CPO) | GET | {cdr_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_cdrs.asciidoc | Sender Interface / GET
CDRs | Receiver (typically eMSP) | POST | {cdr_endpoint_url} | mod_cdrs.asciidoc | Receiver Interface / POST
CDRs | Receiver (typically eMSP) | GET | {URL from Location header} (no structure defined) | mod_cdrs.asciidoc | Receiver Interface / GET
Tariffs | Sender (typically CPO) | GET | {tariffs_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_tariffs.asciidoc | Sender Interface / GET
Tariffs | Receiver (typically eMSP, NSP) | GET | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.asciidoc | Receiver Interface / GET
Tariffs | Receiver (typically eMSP, NSP) | PUT | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.asciidoc | Receiver Interface / PUT
Tariffs | Receiver (typically eMSP, NSP) | DELETE | {tariffs_endpoint_url}/{country_code}/{party_id}/{tariff_id} | mod_tariffs.asciidoc | Receiver Interface / DELETE
Tokens | Receiver (typically CPO) | GET | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid}[?type={type}] | mod_tokens.asciidoc | Receiver Interface / GET
Tokens | Receiver (typically CPO) | PUT | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid}[?type={type}] | mod_tokens.asciidoc | Receiver Interface / PUT
Tokens | Receiver (typically CPO) | PATCH | {tokens_endpoint_url}/{country_code}/{party_id}/{token_uid}[?type={type}] | mod_tokens.asciidoc | Receiver Interface / PATCH
Tokens | Sender (typically eMSP) | GET | {tokens_endpoint_url}?[date_from]&[date_to]&[offset]&[limit] | mod_tokens.asciidoc | Sender Interface / GET
Tokens | Sender (typically eMSP) | POST | {tokens_endpoint_url}/{token_uid}/authorize[?type={type}]  (spec text omits the "/" after the url) | mod_tokens.asciidoc | Sender Interface / POST (Real-time authorization)
Commands | Receiver (typically CPO) | POST | {commands_endpoint_url}/{command}  (spec text: {commands_endpoint_url}{command}) | mod_commands.asciidoc | Receiver Interface / POST
Commands | Sender (typically eMSP) | POST | {response_url} from the command request (no structure defined) | mod_commands.asciidoc | Sender Interface / POST
ChargingProfiles | Receiver (typically CPO) | GET | {chargingprofiles_endpoint_url}/{session_id}?duration={duration}&response_url={url} | mod_charging_profiles.asciidoc | Receiver Interface / GET
ChargingProfiles | Receiver (typically CPO) | PUT | {chargingprofiles_endpoint_url}/{session_id} | mod_charging_profiles.asciidoc | Receiver Interface / PUT
ChargingProfiles | Receiver (typically CPO) | DELETE | {chargingprofiles_endpoint_url}/{session_id}?response_url={url} | mod_charging_profiles.asciidoc | Receiver Interface / DELETE
ChargingProfiles | Sender (typically SCSP) | POST | {response_url} (no structure defined) | mod_charging_profiles.asciidoc | Sender Interface / POST
ChargingProfiles | Sender (typically SCSP) | PUT | {chargingprofiles_endpoint_url}/{session_id} | mod_charging_profiles.asciidoc | Sender Interface / PUT
HubClientInfo | Receiver (all parties connected to a Hub) | GET | {hubclientinfo_endpoint_url}/{country_code}/{party_id} | mod_hub_client_info.asciidoc | Receiver Interface / GET
HubClientInfo | Receiver (all parties connected to a Hub) | PUT | {hubclientinfo_endpoint_url}/{country_code}/{party_id} | mod_hub_client_info.asciidoc | Receiver Interface / PUT
HubClientInfo | Sender (Hub) | GET | {hubclientinfo_endpoint_url}?[date_from]&[date_to]&[offset]&[limit]  (spec text says {locations_endpoint_url}: copy-paste error) | mod_hub_client_info.asciidoc | Sender Interface / GET
`,
};

/** The operation rows of a version, in spec order. */
export function specOperations(version: OperationVersion): OperationRow[] {
  return TABLES[version]
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(' | ');
      const [module = '', iface = '', method = '', url = '', file = '', section = ''] = cells;
      if (cells.length !== 6) throw new Error(`An operation row needs six cells: ${line}`);
      return { module, interface: iface, method, url, file, section };
    });
}
