/**
 * Whether an IP address is on the public internet, and a DNS lookup that answers only with such
 * addresses. Media are fetched from URLs an API handed us; without this, a URL (or a redirect, or a DNS
 * answer) naming 127.0.0.1, the cloud's metadata service at 169.254.169.254 or a router on 192.168.0.1
 * would have the sync fetch it and archive the answer as a post's image.
 *
 * The lookup is given to the connection itself (undici's `connect.lookup`), so the address checked is
 * the address connected to: no second DNS answer comes between the check and the connection.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Every range that is not the public internet (IANA's special-purpose registries), v4 and v6. */
const NOT_PUBLIC: readonly (readonly [string, number, 'ipv4' | 'ipv6'])[] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata services
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 96, 'ipv6'], // unspecified, loopback, and the old IPv4-compatible form (::127.0.0.1)
  ['64:ff9b::', 96, 'ipv6'], // NAT64: may embed any IPv4 address
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'], // 6to4: embeds an IPv4 address
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'], // multicast
];

const notPublic = new BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) notPublic.addSubnet(network, prefix, family);

/**
 * Whether `address` (an IP literal, v4 or v6, brackets allowed) is a public internet address. An IPv6
 * form of an IPv4 address (::ffff:127.0.0.1) is judged as that IPv4 address; anything that is not an
 * IP address is not public.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  if (family === 0) return false;
  // BlockList matches an IPv4-mapped IPv6 address against the IPv4 ranges too.
  return !notPublic.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** A connection refused because its host name or address is not on the public internet. */
export class NonPublicAddressError extends Error {
  override name = 'NonPublicAddressError';
  readonly code = 'ERR_WARTA_NON_PUBLIC_ADDRESS';
  readonly host: string;

  constructor(host: string, address: string) {
    super(host === address ? `${host} is not a public internet address` : `${host} resolves to ${address}, not a public internet address`);
    this.host = host;
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => void;

/**
 * A `lookup` for `net.connect` (undici's `connect.lookup`) that refuses a host when ANY of its
 * addresses is not public: a CDN host never resolves to a private address, so one that does is refused
 * whole rather than filtered. `resolve` is `dns.lookup` unless a test gives its own.
 */
export function publicOnlyLookup(resolve: Lookup = dnsLookup as unknown as Lookup): Lookup {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, []);
      const addresses = answer as LookupAddress[];
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(new NonPublicAddressError(hostname, refused.address), []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
