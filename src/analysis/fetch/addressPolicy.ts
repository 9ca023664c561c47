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
  if (range !== 'unicast') return `a ${RANGE_NAMES[range] ?? `${range} (special-purpose)`} address`;
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
