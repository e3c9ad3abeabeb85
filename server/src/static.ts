/**
 * Serves the built web app's files (GET/HEAD), with index.html for `/`. A file's brotli and gzip
 * versions written beside it at build time (`app.js.br`, `app.js.gz`, see web-build.ts) are sent to
 * clients that accept them, by the shared HTTP rules (Vary, an ETag per coding, 304).
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Coding } from './http/encoding.ts'
import type { FileBody, Reply } from './http/send.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** Precompressed siblings of a file, by coding. */
export const PRECOMPRESSED = { br: '.br', gzip: '.gz' } as const

/** The reply for `pathname` from `root`, or undefined when no file matches (a path outside `root` included). */
export async function staticFile(root: string, pathname: string): Promise<Reply | undefined> {
  let relative = pathname
  if (relative.endsWith('/') || relative === '') relative += 'index.html'
  const file = path.resolve(root, '.' + path.posix.normalize('/' + relative))
  if (file !== root && !file.startsWith(root + path.sep)) return undefined
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return undefined
  const files: FileBody['files'] = { identity: { path: file, size: info.size } }
  for (const [coding, suffix] of Object.entries(PRECOMPRESSED) as [Exclude<Coding, 'identity'>, string][]) {
    const sibling = await stat(file + suffix).catch(() => undefined)
    // A sibling older than its file is left over from an earlier build.
    if (sibling?.isFile() && sibling.mtimeMs >= info.mtimeMs) files[coding] = { path: file + suffix, size: sibling.size }
  }
  const immutable = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file)
  return {
    body: { kind: 'file', contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', files },
    etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
    lastModified: info.mtime,
    headers: { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
  }
}
