import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type ServedResponse } from '../../scripts/serve.ts';

interface Got {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as received, not decompressed. */
  body: Buffer;
}

/** A raw request (node:http, so that nothing is decoded or normalised on the way). */
function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** A request line written as is on a socket (for targets node:http will not send). */
function rawRequest(url: string, target: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => done(text));
    socket.on('error', fail);
  });
}

const INDEX = '<!doctype html><title>Atlas</title><p>Hello</p>\n';
const JSON_TEXT = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => ({ id: `E0100${i}`, decile: (i % 10) + 1 })) });
const TILES = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + (i >> 8)) % 256));

let folder: string;
let server: Server;
let url: string;
const served: ServedResponse[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const site = join(folder, 'dist');
  mkdirSync(join(site, 'data'), { recursive: true });
  writeFileSync(join(site, 'index.html'), INDEX);
  writeFileSync(join(site, 'data', 'rows.json'), JSON_TEXT);
  writeFileSync(join(site, 'data', 'lsoa.pmtiles'), TILES);
  writeFileSync(join(site, '.secret'), 'hidden');
  writeFileSync(join(folder, 'outside.txt'), 'outside the served folder');
  ({ server, url } = await startServer(site, 0, (response) => served.push(response)));
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(folder, { recursive: true, force: true });
});

/** Until every connection (one per request: no keep-alive agent) is closed, so every response is reported. */
async function idle(): Promise<void> {
  const connections = () => new Promise<number>((done) => server.getConnections((_error, count) => done(count)));
  await vi.waitFor(async () => expect(await connections()).toBe(0));
}

describe('scripts/serve.ts', () => {
  it('serves index.html at / and at /?…, without caching, and 404 for unknown paths', async () => {
    for (const path of ['/', '/?indicator=imd&level=lsoa', '/index.html']) {
      const got = await get(url, path);
      expect(got.status, path).toBe(200);
      expect(got.body.toString()).toBe(INDEX);
      expect(got.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(got.headers['cache-control']).toBe('no-cache');
    }
    expect((await get(url, '/nothing-here.js')).status).toBe(404);
    expect((await get(url, '/data/')).status).toBe(404);
    expect((await get(url, '/.secret')).status).toBe(404);
  });

  it('answers a malformed path with 400 and keeps serving', async () => {
    for (const path of ['/%zz', '/%', '/data/%E0%A4%A', '/%00', '/index.html%00.json']) {
      expect((await get(url, path)).status, path).toBe(400);
      expect((await get(url, '/')).status).toBe(200);
    }
    expect(await rawRequest(url, '*')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawRequest(url, '/a\0b')).toMatch(/^HTTP\/1\.1 400/); // refused by Node's parser
    expect((await get(url, '/')).status).toBe(200);
  });

  it('refuses paths that leave the folder', async () => {
    const attempts = [
      '/..%2f..%2fetc/passwd',
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/data/..%2F..%2Foutside.txt',
      '/data/%2e%2e%2f%2e%2e%2foutside.txt',
      '/..%5coutside.txt',
      '//etc/passwd',
    ];
    for (const path of attempts) {
      const got = await get(url, path);
      expect([400, 404], path).toContain(got.status);
      expect(got.body.toString()).not.toContain('outside the served folder');
    }
    expect(await rawRequest(url, '/../outside.txt')).toMatch(/^HTTP\/1\.1 40[04]/);
    expect((await get(url, '/')).status).toBe(200);
  });

  it('serves index.html for a very long link (no 431)', async () => {
    const query = `?select=${'E01000001,'.repeat(10_000)}`; // 100 KB
    const got = await get(url, `/${query}`);
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe(INDEX);
    const longest = `?q=${'x'.repeat(2 * 1024 * 1024 - 100)}`; // Chromium's limit is 2 MB
    expect((await get(url, `/${longest}`)).status).toBe(200);
  });

  it('gzips JSON for a client that accepts it, and not for one that does not', async () => {
    const zipped = await get(url, '/data/rows.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(JSON_TEXT.length / 3);
    expect(gunzipSync(zipped.body).toString()).toBe(JSON_TEXT);
    // Again, from the server's cache of compressed files.
    const again = await get(url, '/data/rows.json', { 'accept-encoding': 'gzip' });
    expect(again.body.equals(zipped.body)).toBe(true);

    const plain = await get(url, '/data/rows.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(JSON_TEXT);

    const html = await get(url, '/', { 'accept-encoding': 'gzip' });
    expect(html.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(html.body).toString()).toBe(INDEX);

    const head = await get(url, '/data/rows.json', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBe(zipped.body.length);
    expect(head.body.length).toBe(0);
  });

  it('does not gzip the binary tiles, and serves byte ranges of them', async () => {
    const whole = await get(url, '/data/lsoa.pmtiles', { 'accept-encoding': 'gzip' });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(TILES)).toBe(true);

    const ranges: [string, number, number][] = [
      ['bytes=0-16383', 0, 16383],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=99990-', 99990, 99999],
      ['bytes=99990-200000', 99990, 99999],
      ['bytes=-10', 99990, 99999],
      ['bytes=5-5', 5, 5],
    ];
    for (const [range, start, end] of ranges) {
      const got = await get(url, '/data/lsoa.pmtiles', { range, 'accept-encoding': 'gzip' });
      expect(got.status, range).toBe(206);
      expect(got.headers['content-range'], range).toBe(`bytes ${start}-${end}/${TILES.length}`);
      expect(got.headers['accept-ranges']).toBe('bytes');
      expect(got.headers['content-encoding']).toBeUndefined();
      expect(got.body.equals(TILES.subarray(start, end + 1)), range).toBe(true);
    }
    const outside = await get(url, '/data/lsoa.pmtiles', { range: 'bytes=100000-100010' });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${TILES.length}`);
    // Ranges it cannot serve exactly are ignored, as HTTP allows: the whole file.
    for (const range of ['bytes=0-0', 'bytes=10-5', 'bytes=0-1,5-6', 'items=0-1', 'nonsense']) {
      const got = await get(url, '/data/lsoa.pmtiles', { range });
      expect(got.status, range).toBe(200);
      expect(got.body.equals(TILES)).toBe(true);
    }
  });

  it('reports the body bytes written, after compression', async () => {
    // The server reports a response once it is over, which can be just after the client has it all.
    await idle();
    served.length = 0;
    const received: Got[] = [
      await get(url, '/data/rows.json', { 'accept-encoding': 'gzip' }),
      await get(url, '/data/rows.json'),
      await get(url, '/data/lsoa.pmtiles', { range: 'bytes=0-16383' }),
      await get(url, '/data/lsoa.pmtiles'),
      await get(url, '/?x=1', { 'accept-encoding': 'gzip' }),
      await get(url, '/missing.json'),
      await get(url, '/data/rows.json', {}, 'HEAD'),
    ];
    await idle();
    expect(served).toHaveLength(received.length);
    expect(served.map((r) => r.path)).toEqual(['/data/rows.json', '/data/rows.json', '/data/lsoa.pmtiles', '/data/lsoa.pmtiles', '/', '/missing.json', '/data/rows.json']);
    expect(served.map((r) => r.status)).toEqual(received.map((r) => r.status));
    expect(served.map((r) => r.bytes)).toEqual(received.map((r) => r.body.length));
    expect(served[0]!.bytes).toBeLessThan(JSON_TEXT.length / 3);
    expect(served[2]!.bytes).toBe(16384);
  });

  it('keeps serving, with no file left open, when clients go away mid-file', async () => {
    const big = join(folder, 'dist', 'data', 'big.pmtiles');
    writeFileSync(big, Buffer.alloc(30_000_000, 7));
    const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = openFiles();
    const { hostname, port } = new URL(url);
    for (let i = 0; i < 10; i++) {
      await new Promise<void>((done) => {
        const req = httpRequest({ hostname, port, path: '/data/big.pmtiles', agent: false }, (res) => {
          res.once('data', () => {
            req.destroy();
            done();
          });
        });
        req.on('error', () => {});
        req.end();
      });
    }
    await idle();
    await vi.waitFor(() => expect(openFiles()).toBeLessThan(before + 5));
    expect((await get(url, '/')).status).toBe(200);
    rmSync(big);
  });

  it('survives a failing onResponse callback', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const other = await startServer(join(folder, 'dist'), 0, () => {
      throw new Error('callback failed');
    });
    try {
      expect((await get(other.url, '/')).status).toBe(200);
      expect((await get(other.url, '/%zz')).status).toBe(400);
      expect((await get(other.url, '/')).status).toBe(200);
      await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(3));
    } finally {
      await new Promise<void>((done) => other.server.close(() => done()));
      errors.mockRestore();
    }
  });

  it('refuses other methods', async () => {
    const got = await get(url, '/', {}, 'POST');
    expect(got.status).toBe(405);
    expect(got.headers.allow).toBe('GET, HEAD');
  });
});
