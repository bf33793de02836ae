/** Module names per spec file, as INVENTORY.md names them (file names are the same in both versions). */

const MODULE_NAMES_BY_FILE_STEM: Readonly<Record<string, string>> = {
  credentials: 'Credentials',
  mod_cdrs: 'CDRs',
  mod_charging_profiles: 'ChargingProfiles',
  mod_commands: 'Commands',
  mod_hub_client_info: 'HubClientInfo',
  mod_locations: 'Locations',
  mod_sessions: 'Sessions',
  mod_tariffs: 'Tariffs',
  mod_tokens: 'Tokens',
  types: 'Types',
  version_information_endpoint: 'Versions',
  transport_and_format: 'TransportAndFormat',
};

/** `mod_locations.asciidoc` gives `Locations`; an unknown `mod_foo_bar.md` gives `FooBar`. */
export function moduleNameForFile(file: string): string {
  const dot = file.indexOf('.');
  const stem = dot >= 0 ? file.slice(0, dot) : file;
  return MODULE_NAMES_BY_FILE_STEM[stem] ?? pascalCase(stem.startsWith('mod_') ? stem.slice(4) : stem);
}

function pascalCase(snake: string): string {
  return snake
    .split('_')
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
