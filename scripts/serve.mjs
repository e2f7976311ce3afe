#!/usr/bin/env node
// A small static server for the page: correct MIME types (application/wasm), no
// directory listing, no path escapes. Options let tests serve from a sub-path and
// under a strict Content-Security-Policy, as intranet portals do.
//
//   node scripts/serve.mjs [--root www] [--port 8080] [--host 127.0.0.1] [--base /sub/path/] [--csp]
//
// PORT overrides the default port.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Start serving; resolves to the http.Server once listening. */
export function serve({ root = 'www', port = 8080, host = '127.0.0.1', base = '/', csp = false } = {}) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer(async (req, res) => {
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    if (csp) headers['Content-Security-Policy'] = STRICT_CSP;
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) {
        if (path === prefix.slice(0, -1)) {
          res.writeHead(301, { ...headers, Location: prefix }).end();
        } else {
          res.writeHead(404, headers).end('not found');
        }
        return;
      }
      let file = normalize(join(rootDir, path.slice(prefix.length)));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403, headers).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const options = {
    root: opt('root', 'www'),
    port: Number(opt('port', process.env.PORT || 8080)),
    host: opt('host', '127.0.0.1'),
    base: opt('base', '/'),
    csp: args.includes('--csp'),
  };
  serve(options).then(
    () => console.log(`法治报告分析器 ready: http://${options.host}:${options.port}${options.base}  (Ctrl+C stops)`),
    (err) => {
      console.error(`serve: cannot listen on ${options.host}:${options.port}: ${err.message}`);
      process.exit(1);
    },
  );
}
