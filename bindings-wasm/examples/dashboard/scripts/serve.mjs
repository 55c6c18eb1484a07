// Serves a built dashboard as a plain static host does (GitHub Pages, an S3 bucket): files as
// they are, a 404 for anything else. Not `vite preview`: its file server labels every `.gz`
// file `Content-Encoding: gzip`, so browsers unpack a `.tar.gz` download before the page can
// hash it, and it answers unknown paths with index.html instead of a 404.
// `node scripts/serve.mjs DIST [PORT]`, or `serve(dist, port)` from a test.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.jsonl': 'application/jsonl',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves `dist` on 127.0.0.1:`port` (0: any free port); resolves to `{ origin, close }`. */
export async function serve(dist, port = 0) {
  const root = path.resolve(dist);
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    // Idle keep-alive connections too, so that the site is gone at once.
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, port] = process.argv.slice(2);
  const { origin } = await serve(dist ?? 'dist', Number(port ?? 4173));
  console.log(`dashboard: ${origin}/  (TUF sample: ${origin}/?manifest=sample/tuf.json); Ctrl-C stops it`);
}
