/**
 * Which addresses a source may connect to. A calendar URL or mail host is
 * user input: without a guard, a user could point keepwarm at the machine's
 * own services or the operator's private network and learn from the answers.
 * Unless the operator allows private hosts (KEEPWARM_SOURCES_PRIVATE_HOSTS=allow,
 * for a home Radicale or Dovecot), loopback, private, link-local, shared,
 * multicast and reserved ranges are refused — checked on every address a
 * name resolves to, at connect time.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is on this machine or a private, link-local or reserved network. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

function privateError(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error('the host resolves to a private address');
  error.code = 'EPRIVATE';
  return error;
}

/** A DNS lookup for sockets that refuses private addresses unless allowed. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) return callback(privateError(), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host to one address it may connect to (for clients that take no lookup function). */
export function resolveAllowed(hostname: string, allowPrivate: boolean): Promise<string> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (!allowPrivate && isPrivateAddress(bare)) return Promise.reject(privateError());
    return Promise.resolve(bare);
  }
  return new Promise((resolve, reject) => {
    guardedLookup(allowPrivate)(bare, {}, (error, address) => (error ? reject(error) : resolve(address as string)));
  });
}
