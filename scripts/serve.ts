/**
 * A small static server for the built site, as a static host or CDN would
 * serve it: gzip for text, byte ranges for the PMTiles archives, no caching
 * of HTML. Used by `npm start`, the browser tests and the benchmark.
 *
 *   tsx scripts/serve.ts [--dir dist] [--port 4173]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

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
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.md', '.svg']);

/** What the server sent, for the benchmark's byte counts. */
export interface ServedResponse {
  path: string;
  status: number;
  bytes: number;
}

export function startServer(
  dir: string,
  port = 0,
  onResponse?: (response: ServedResponse) => void,
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const gzipCache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const ext = extname(path);
    const size = statSync(path).size;
    const headers: Record<string, string | number> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' || path.endsWith('config.json') ? 'no-cache' : 'public, max-age=3600',
      'accept-ranges': 'bytes',
    };
    const range = request.headers.range ? /^bytes=(\d*)-(\d*)$/.exec(request.headers.range) : null;
    if (range) {
      const start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
      const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (!(start >= 0 && start <= end)) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      onResponse?.({ path: url.pathname, status: 206, bytes: end - start + 1 });
      if (request.method === 'HEAD') response.end();
      else createReadStream(path, { start, end }).pipe(response);
      return;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let body = gzipCache.get(path);
      if (!body) {
        body = gzipSync(readFileSync(path), { level: 6 });
        gzipCache.set(path, body);
      }
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' });
      onResponse?.({ path: url.pathname, status: 200, bytes: body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': size });
    onResponse?.({ path: url.pathname, status: 200, bytes: size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
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
