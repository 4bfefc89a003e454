/**
 * Where the sync may fetch media from: the platforms' hosts (hosts.ts), and only at public internet
 * addresses, checked by the lookup of the connection itself (public-address.ts).
 */
import { createServer, type Socket } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTAGRAM_API_ROOT, DEFAULT_YOUTUBE_API_ROOT } from '#sync/config.ts';
import { hostMatches, MEDIA_HOSTS, mediaRefusal, mediaSourcesFor } from '#sync/hosts.ts';
import { publicOnlyAgent } from '#sync/http.ts';
import { isPublicAddress, NonPublicAddressError, publicOnlyLookup } from '#sync/public-address.ts';
import { caught } from '../helpers/caught.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '::ffff:192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    '224.0.0.1',
    '255.255.255.255',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'localhost',
    'not an address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '157.240.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '::ffff:8.8.8.8', '2a03:2880:f10c::1', '2404:6800:4003::200e'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

/** A resolver answering from a table, in `dns.lookup`'s shape. */
function resolverOf(table: Record<string, LookupAddress[]>) {
  return (hostname: string, _options: object, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const answer = table[hostname];
    if (answer) callback(null, answer);
    else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  };
}

function lookupWith(lookup: ReturnType<typeof publicOnlyLookup>, hostname: string, all: boolean) {
  return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => {
    lookup(hostname, { all } as { all: true }, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('publicOnlyLookup', () => {
  const resolver = resolverOf({
    'scontent.cdninstagram.com': [{ address: '157.240.1.1', family: 4 }, { address: '2a03:2880:f10c::1', family: 6 }],
    'rebound.cdninstagram.com': [{ address: '157.240.1.1', family: 4 }, { address: '10.0.0.7', family: 4 }],
    'metadata.fbcdn.net': [{ address: '169.254.169.254', family: 4 }],
    'mapped.fbcdn.net': [{ address: '::ffff:127.0.0.1', family: 6 }],
    'cgnat.ytimg.com': [{ address: '100.64.1.2', family: 4 }],
    'ula.ytimg.com': [{ address: 'fd00::2', family: 6 }],
  });

  it('answers with the public addresses of a public host, one or all as asked', async () => {
    const lookup = publicOnlyLookup(resolver as never);
    expect(await lookupWith(lookup, 'scontent.cdninstagram.com', true)).toEqual({
      error: null,
      address: [{ address: '157.240.1.1', family: 4 }, { address: '2a03:2880:f10c::1', family: 6 }],
      family: undefined,
    });
    expect(await lookupWith(lookup, 'scontent.cdninstagram.com', false)).toEqual({ error: null, address: '157.240.1.1', family: 4 });
  });

  it.each([
    ['rebound.cdninstagram.com', '10.0.0.7'],
    ['metadata.fbcdn.net', '169.254.169.254'],
    ['mapped.fbcdn.net', '::ffff:127.0.0.1'],
    ['cgnat.ytimg.com', '100.64.1.2'],
    ['ula.ytimg.com', 'fd00::2'],
  ])('refuses %s, which resolves to %s', async (host, address) => {
    const { error } = await lookupWith(publicOnlyLookup(resolver as never), host, true);
    expect(error).toBeInstanceOf(NonPublicAddressError);
    expect(error!.message).toBe(`${host} resolves to ${address}, not a public internet address`);
  });

  it('passes DNS failures on', async () => {
    const { error } = await lookupWith(publicOnlyLookup(resolver as never), 'nowhere.fbcdn.net', true);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });

  it('refuses localhost through the real DNS lookup', async () => {
    const { error } = await lookupWith(publicOnlyLookup(), 'localhost', true);
    expect(error).toBeInstanceOf(NonPublicAddressError);
  });

  it('is the lookup media connections use: a name resolving to loopback is never connected to', async () => {
    let connections = 0;
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const error = await caught(undiciFetch(`http://localhost:${port}/x.png`, { dispatcher: publicOnlyAgent() }));
      expect(error.cause).toBeInstanceOf(NonPublicAddressError);
      // The same request without the agent does reach the server: the refusal is the lookup's.
      expect(await (await undiciFetch(`http://localhost:${port}/x.png`)).text()).toBe('ok');
      expect(connections).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('media hosts', () => {
  it('matches exact names and names under a *. pattern, nothing else', () => {
    expect(hostMatches('scontent-sin6-1.cdninstagram.com', '*.cdninstagram.com')).toBe(true);
    expect(hostMatches('cdninstagram.com', '*.cdninstagram.com')).toBe(false);
    expect(hostMatches('evilcdninstagram.com', '*.cdninstagram.com')).toBe(false);
    expect(hostMatches('cdninstagram.com.evil.example', '*.cdninstagram.com')).toBe(false);
    expect(hostMatches('i.ytimg.com', 'i.ytimg.com')).toBe(true);
    expect(hostMatches('x.i.ytimg.com', 'i.ytimg.com')).toBe(false);
  });

  it('with the real API roots: the platforms\' CDN hosts over https', () => {
    const sources = mediaSourcesFor({ youtube: { apiRoot: DEFAULT_YOUTUBE_API_ROOT }, instagram: { apiRoot: DEFAULT_INSTAGRAM_API_ROOT } });
    expect(sources).toEqual({ hosts: [...MEDIA_HOSTS.instagram, ...MEDIA_HOSTS.youtube], origins: [] });
    const refusal = (url: string) => mediaRefusal(new URL(url), sources);
    expect(refusal('https://scontent-sin6-1.cdninstagram.com/v/t51/1.jpg?oh=abc')).toBeUndefined();
    expect(refusal('https://instagram.fcgk1-1.fna.fbcdn.net/v/1.jpg')).toBeUndefined();
    expect(refusal('https://i.ytimg.com/vi/NAAhhQ2j0Wi/maxresdefault.jpg')).toBeUndefined();
    expect(refusal('http://i.ytimg.com/vi/x/hq.jpg')).toBe('i.ytimg.com is not https');
    expect(refusal('https://i.ytimg.com:444/vi/x/hq.jpg')).toBe('i.ytimg.com:444 is not a plain https host');
    expect(refusal('https://evil.example/x.jpg')).toBe('evil.example is not a host media may be fetched from');
    expect(refusal('https://127.0.0.1/x.jpg')).toBe('127.0.0.1 is not a host media may be fetched from');
    expect(refusal('https://[::1]/x.jpg')).toBe('[::1] is not a host media may be fetched from');
    expect(refusal('file:///etc/passwd')).toBe('file: is not a host media may be fetched from');
  });

  it('with an overridden API root: exactly that origin, and nothing of that platform besides', () => {
    const fake = 'http://127.0.0.1:41234';
    const sources = mediaSourcesFor({ youtube: { apiRoot: `${fake}/` }, instagram: { apiRoot: `${fake}/instagram` } });
    expect(sources).toEqual({ hosts: [], origins: [fake] });
    expect(mediaRefusal(new URL(`${fake}/cdn/1.jpg`), sources)).toBeUndefined();
    expect(mediaRefusal(new URL('http://127.0.0.1:41235/cdn/1.jpg'), sources)).toBe('127.0.0.1:41235 is not a host media may be fetched from');
    expect(mediaRefusal(new URL('http://localhost:41234/cdn/1.jpg'), sources)).toBe('localhost:41234 is not a host media may be fetched from');
    expect(mediaRefusal(new URL('https://scontent.cdninstagram.com/1.jpg'), sources)).toBeDefined();
    // One platform overridden, the other real.
    expect(mediaSourcesFor({ instagram: { apiRoot: `${fake}/instagram` }, youtube: { apiRoot: DEFAULT_YOUTUBE_API_ROOT } })).toEqual({
      hosts: MEDIA_HOSTS.youtube,
      origins: [fake],
    });
  });
});
