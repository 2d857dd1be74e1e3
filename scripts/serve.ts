/**
 * A small static server for the built site, as a static host or CDN would
 * serve it: gzip for text, byte ranges for the PMTiles archives, no caching
 * of HTML. Used by `npm start`, the browser tests and the benchmark.
 *
 *   tsx scripts/serve.ts [--dir dist] [--port 4173]
 *
 * Files are found and sent by sirv; this module wraps it:
 * - it refuses malformed or escaping paths (400) before sirv sees them, and
 *   never lets a request take the process down (an error is a 500 and a log
 *   line);
 * - it hands sirv only single, well-formed byte ranges it can serve exactly
 *   (sirv reads `bytes=-N` as the first N bytes and `bytes=0-0` as the whole
 *   file), answering 416 itself and ignoring the others, as HTTP allows;
 * - it gzips compressible responses on the fly (sirv only serves files that
 *   were compressed beforehand), keeping each compressed file in memory;
 * - it sets the content types and caching of a static host, and counts the
 *   body bytes written for each response, after compression.
 */
import { createServer, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { existsSync, statSync, type ReadStream } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pmtiles': 'application/octet-stream',
};
/** Gzipped when the client accepts it: the types of .html, .js, .css, .json, .csv, .md and .svg. */
const COMPRESSIBLE = /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/;

/** Chromium sends URLs of up to 2 MB; the request line counts towards Node's header limit (16 KB by default). */
const MAX_HEADER_SIZE = 4 * 1024 * 1024;

/** What the server sent, for the benchmark's byte counts. */
export interface ServedResponse {
  /** The path of the request, as sent (without the query). */
  path: string;
  status: number;
  /** Body bytes written to the connection (compressed if gzipped; 0 for HEAD). */
  bytes: number;
}

type Headers = Record<string, string | number | string[]>;
type WriteHead = (status: number, ...rest: unknown[]) => ServerResponse;
type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (...args: unknown[]) => ServerResponse;

export function startServer(
  dir: string,
  port = 0,
  onResponse?: (response: ServedResponse) => void,
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  // `dev` makes sirv look each file up when asked rather than list the folder once at start,
  // so a rebuild of the folder while serving is picked up.
  const serveFile = sirv(root, {
    dev: true,
    etag: false,
    dotfiles: false,
    extensions: ['html'],
    onNoMatch: (_request, response) => plain(response, 404, 'Not found'),
  });
  const gzipCache = new Map<string, { version: string; body: Buffer }>();

  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (request, response) => {
    const rawUrl = request.url ?? '';
    const queryAt = rawUrl.search(/[?#]/);
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const headOnly = request.method === 'HEAD';

    // Count the body bytes written to the connection (after compression); report once the response is over.
    let bytes = 0;
    const write = response.write as unknown as Write;
    const end = response.end as unknown as End;
    const writeHead = response.writeHead as unknown as WriteHead;
    const count = (chunk: unknown, encoding: unknown) => {
      if (headOnly || chunk == null || typeof chunk === 'function') return;
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : (chunk as Uint8Array).byteLength;
    };
    const rawWrite: Write = (chunk, ...rest) => (count(chunk, rest[0]), write.call(response, chunk, ...rest));
    const rawEnd: End = (...args) => (count(args[0], args[1]), end.apply(response, args));
    response.once('close', () => {
      try {
        onResponse?.({ path: rawPath, status: response.statusCode, bytes });
      } catch (error) {
        console.error('serve: onResponse failed:', error);
      }
    });

    // Headers of a static host; a 200 of a compressible type is gzipped if the client accepts it.
    const acceptsGzip = /\bgzip\b/i.test(String(request.headers['accept-encoding'] ?? ''));
    let gzipping: { status: number; headers: Headers; chunks: Buffer[] } | null = null;
    let ending = false;
    response.writeHead = function (status: number, ...rest: unknown[]) {
      const headersAt = typeof rest[0] === 'string' ? 1 : 0;
      const given = rest[headersAt];
      if (ending || status >= 300 || !given || typeof given !== 'object' || Array.isArray(given)) {
        return writeHead.call(response, status, ...rest);
      }
      const headers = staticHostHeaders(given as OutgoingHttpHeaders, rawPath);
      if (status === 200 && acceptsGzip && COMPRESSIBLE.test(String(headers['content-type']))) {
        gzipping = { status, headers, chunks: [] };
        return response; // sent by `end`, once the body is compressed
      }
      rest[headersAt] = headers;
      return writeHead.call(response, status, ...rest);
    } as unknown as typeof response.writeHead;
    response.write = function (chunk: unknown, ...rest: unknown[]) {
      if (!gzipping) return rawWrite(chunk, ...rest);
      gzipping.chunks.push(toBuffer(chunk, rest[0]));
      return true;
    } as unknown as typeof response.write;
    response.end = function (...args: unknown[]) {
      if (!gzipping) {
        ending = true;
        return rawEnd(...args);
      }
      const { status, headers, chunks } = gzipping;
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (args[0] != null && typeof args[0] !== 'function') chunks.push(toBuffer(args[0], args[1]));
      const version = `${headers['content-length']}|${headers['last-modified']}`;
      const send = (body: Buffer) => {
        gzipping = null;
        ending = true;
        if (response.destroyed) return;
        delete headers['content-length'];
        writeHead.call(response, status, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
        rawEnd(body, callback);
      };
      const cached = gzipCache.get(rawPath);
      if (cached?.version === version) send(cached.body);
      else
        gzip(Buffer.concat(chunks), { level: 6 }, (error, body) => {
          if (error) return fail(error);
          gzipCache.set(rawPath, { version, body });
          send(body);
        });
      return response;
    } as unknown as typeof response.end;

    const fail = (error: unknown) => {
      console.error(`serve: ${request.method} ${rawUrl.slice(0, 200)} failed:`, error);
      gzipping = null;
      if (response.headersSent) response.destroy();
      else plain(response, 500, 'Internal server error');
    };
    // sirv pipes a file stream into the response: an error of that stream must not go unhandled,
    // and the stream must be closed when the client goes away (PMTiles requests are often aborted).
    response.on('pipe', (source: ReadStream) => {
      source.on('error', fail);
      response.once('close', () => source.destroy());
    });

    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        return plain(response, 405, 'Method not allowed');
      }
      const path = checkPath(rawPath);
      if (path === null) return plain(response, 400, 'Bad request');
      if (path.split('/').some((segment) => segment.startsWith('.'))) return plain(response, 404, 'Not found');
      if (request.headers.range !== undefined) {
        const file = join(root, decodeURI(rawPath)); // the file sirv will look at first
        const size = existsSync(file) && statSync(file).isFile() ? statSync(file).size : null;
        const range = size === null ? null : byteRange(request.headers.range, size);
        if (range === 'unsatisfiable') {
          response.setHeader('content-range', `bytes */${size}`);
          return plain(response, 416, 'Range not satisfiable');
        }
        if (range === null) delete request.headers.range;
        else request.headers.range = `bytes=${range[0]}-${range[1]}`;
      }
      serveFile(request, response);
    } catch (error) {
      fail(error);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

/** The decoded path of a request, or null if it is malformed or could leave the folder. */
function checkPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null; // `*` or an absolute URL
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((segment) => segment === '..')) return null;
  return path;
}

/**
 * A single byte range `[start, end]` sirv can serve exactly, 'unsatisfiable', or null to ignore
 * the header and send the whole file (multiple ranges, other units, malformed; `bytes=0-0`).
 */
function byteRange(header: string, size: number): [number, number] | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Number(match[2]);
    if (end < start) return null;
    if (start >= size) return 'unsatisfiable';
    end = Math.min(end, size - 1);
  }
  return end === 0 ? null : [start, end];
}

/** sirv's headers, with the content types and caching of a static host. */
function staticHostHeaders(given: OutgoingHttpHeaders, path: string): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(given)) if (value !== undefined) headers[name.toLowerCase()] = value;
  // The type by extension; for a path without one (`/`, a folder), the type of the file sirv found.
  const type = TYPES[extname(path).toLowerCase()] ?? (String(headers['content-type']).startsWith('text/html') ? TYPES['.html'] : undefined);
  if (type) headers['content-type'] = type;
  else if (!headers['content-type']) headers['content-type'] = 'application/octet-stream';
  const html = String(headers['content-type']).startsWith('text/html');
  headers['cache-control'] = html || path.endsWith('config.json') ? 'no-cache' : 'public, max-age=3600';
  headers['accept-ranges'] = 'bytes';
  if (COMPRESSIBLE.test(String(headers['content-type']))) headers.vary = 'Accept-Encoding';
  return headers;
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end(text);
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4173' } } });
  if (!existsSync(join(values.dir!, 'index.html'))) {
    console.error(`${values.dir}/index.html does not exist: build the site first (npm run build).`);
    process.exit(1);
  }
  const { url } = await startServer(values.dir!, Number(values.port));
  console.log(`Serving ${resolve(values.dir!)} at ${url}`);
}
