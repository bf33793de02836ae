// Which part of the network an IP address belongs to, so that a URL a partner names can be kept away
// from our own machine and network. Hand-written scanners, no regex: the input is a partner's.

/** Where an address leads: only `public` addresses are on the open internet. */
export type AddressScope =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'link-local'
  | 'private'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

type Ipv4Range = readonly [prefix: readonly [number, number, number, number], bits: number, AddressScope];

// IANA's IPv4 special-purpose registry, the ranges that are not globally reachable (RFC 6890 and
// successors). Shared address space (CGNAT, 100.64/10) counts as private: it is someone's inside.
const IPV4_RANGES: readonly Ipv4Range[] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'private'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'],
  [[198, 51, 100, 0], 24, 'reserved'],
  [[203, 0, 113, 0], 24, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  // Class E and the limited broadcast address 255.255.255.255.
  [[240, 0, 0, 0], 4, 'reserved'],
];

/**
 * The scope of an IP address written as `URL.hostname` gives it (`127.0.0.1`, `[::1]`) or as a
 * resolver returns it (`::1`, `fe80::1%eth0`); `undefined` when `address` is not an IP literal (a host
 * name). IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry.
 */
export function addressScope(address: string): AddressScope | undefined {
  const ipv4 = parseIpv4(address);
  if (ipv4) return ipv4Scope(ipv4);
  const ipv6 = parseIpv6(address);
  return ipv6 ? ipv6Scope(ipv6) : undefined;
}

function ipv4Scope(octets: readonly number[]): AddressScope {
  const value = toUint32(octets);
  for (const [prefix, bits, scope] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffff_ffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (toUint32(prefix) & mask) >>> 0) return scope;
  }
  return 'public';
}

function ipv6Scope(groups: readonly number[]): AddressScope {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = (high: number, low: number) => ipv4Scope([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const zeroUpTo5 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroUpTo5 && g5 === 0 && g6 === 0) return g7 === 0 ? 'unspecified' : g7 === 1 ? 'loopback' : 'reserved';
  // ::ffff:a.b.c.d reaches the IPv4 host itself on a dual-stack socket.
  if (zeroUpTo5 && g5 === 0xffff) return embedded(g6, g7);
  // 64:ff9b::/96, the well-known NAT64 prefix: a translator forwards to the IPv4 address inside.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(g6, g7);
  // 2002::/16, 6to4: the IPv4 address of the relay follows the prefix.
  if (g0 === 0x2002) return embedded(g1, g2);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  // fec0::/10, the deprecated site-local addresses: a private network all the same.
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  // 2001:db8::/32 is for documentation only.
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  // Global unicast is 2000::/3; anything else is unassigned or special (IPv4-compatible, discard...).
  return (g0 & 0xe000) === 0x2000 ? 'public' : 'reserved';
}

function toUint32(octets: readonly number[]): number {
  return (
    (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) >>> 0
  );
}

/** Four decimal octets `a.b.c.d` (the form URL and resolvers give), else `undefined`. */
function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || !isDigits(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    octets.push(value);
  }
  return octets;
}

/** Eight 16-bit groups from an IPv6 literal, brackets and zone (`%eth0`) allowed; else `undefined`. */
function parseIpv6(text: string): number[] | undefined {
  let body = text;
  if (body.startsWith('[')) {
    if (!body.endsWith(']')) return undefined;
    body = body.slice(1, -1);
  }
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  if (!body.includes(':')) return undefined;

  const gap = body.indexOf('::');
  if (gap >= 0 && body.indexOf('::', gap + 1) >= 0) return undefined;
  const head = gap >= 0 ? parseGroups(body.slice(0, gap), false) : parseGroups(body, true);
  const tail = gap >= 0 ? parseGroups(body.slice(gap + 2), true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (gap >= 0 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

// Colon-separated hex groups; the last may be a dotted IPv4 address (two groups) when it ends the address.
function parseGroups(text: string, endsAddress: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (endsAddress && index === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (!ipv4) return undefined;
      groups.push(((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0), ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0));
      continue;
    }
    if (part.length === 0 || part.length > 4 || !isHex(part)) return undefined;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

function isHex(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const letter = code | 0x20;
    if (!((code >= 0x30 && code <= 0x39) || (letter >= 0x61 && letter <= 0x66))) return false;
  }
  return true;
}
