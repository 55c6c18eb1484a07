// Headless Debian Chromium (playwright-core, no browser download) and a loopback static server.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { ROOT } from './manifest.mjs';

const PACKAGE = path.join(ROOT, 'bindings-wasm');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

/**
 * Serves the package folder at `/`, and each absolute path in `files` at `/files<path>` (only
 * those: the vectors the manifest rows name). Listens on 127.0.0.1, port chosen by the OS.
 */
export async function serve(files = new Set()) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = decodeURIComponent(url.pathname);
    if (p === '/favicon.ico') { res.writeHead(204).end(); return; }
    let file;
    if (p.startsWith('/files/')) {
      file = p.slice('/files'.length);
      if (!files.has(file)) { res.writeHead(403).end(); return; }
    } else {
      file = path.join(PACKAGE, path.normalize(p));
      if (!file.startsWith(PACKAGE + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) {
        res.writeHead(403).end(); return;
      }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Chromium with a fresh profile; `close()` also removes the profile folder. */
export async function launch() {
  const profile = await mkdtemp(path.join(tmpdir(), 'sigverify-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    context, page, requests, errors,
    close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}
