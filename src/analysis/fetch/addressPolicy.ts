import ipaddr from 'ipaddr.js';

/**
 * Why an address may not be fetched, or null when it is an ordinary public unicast address.
 * Only ipaddr.js's `unicast` range is public; every special range (loopback, private, link-local,
 * CGNAT, multicast, unspecified, reserved, NAT64, 6to4, Teredo, ...) is refused.
 */
export function refusalReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not a valid IP address';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range !== 'unicast') return withArticle(`${RANGE_NAMES[range] ?? `${range} (special-purpose)`} address`);
  // ::/96 (deprecated IPv4-compatible addresses, e.g. ::127.0.0.1) is "unicast" to ipaddr.js.
  if (parsed.kind() === 'ipv6' && parsed.toByteArray().slice(0, 12).every((byte) => byte === 0)) {
    return 'an IPv4-compatible IPv6 address';
  }
  return null;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'loopback',
  private: 'private-network',
  uniqueLocal: 'private-network (unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  reserved: 'reserved',
  ipv4Mapped: 'IPv4-mapped',
  rfc6052: 'NAT64 (RFC 6052)',
  rfc6145: 'IPv4-translated',
  '6to4': '6to4',
  teredo: 'Teredo',
};

const withArticle = (phrase: string) => `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;

/**
 * The Fetch standard's "bad ports", which browsers refuse too: mail, shell, DNS, IRC, printing
 * and other services that a crafted HTTP request could talk to; no web page is served there.
 */
const BAD_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111,
  113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554,
  556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666,
  6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Why a URL's port may not be fetched, or null; applies with private addresses allowed too. */
export function portRefusalReason(url: URL): string | null {
  if (url.port === '' || !BAD_PORTS.has(Number(url.port))) return null;
  return `port ${url.port} belongs to a service other than the web (browsers refuse it too)`;
}
