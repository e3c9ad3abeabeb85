/**
 * Build-time compression of the web app's files: a brotli (`.br`, quality 11) and a gzip (`.gz`,
 * level 9) file beside every compressible file of 1 KB or more, when smaller than it. static.ts
 * sends them by Accept-Encoding, so no request compresses a static file. Used as a Vite plugin by
 * web/vite.config.ts and web/graphiql/vite.config.ts (so `npm run build` and the first start's build
 * both write them).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'
import { COMPRESS_MIN_BYTES } from './encoding.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Extensions of files worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt', '.map', '.xml', '.wasm'])

/** Writes `.br` and `.gz` beside every compressible file under `folder`; returns how many files it compressed. */
export async function precompressFolder(folder: string): Promise<number> {
  let count = 0
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(path.extname(entry.name))) continue
    const file = path.join(entry.parentPath, entry.name)
    const info = await stat(file)
    if (info.size < COMPRESS_MIN_BYTES) continue
    const bytes = await readFile(file)
    const [br, gz] = await Promise.all([
      brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzipAsync(bytes, { level: 9 }),
    ])
    if (br.length < bytes.length) await writeFile(file + '.br', br)
    if (gz.length < bytes.length) await writeFile(file + '.gz', gz)
    count++
  }
  return count
}

/** The Vite plugin: compresses the output folder once the bundle is written. */
export function precompressPlugin(): Plugin {
  return {
    name: 'ip-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (options.dir) await precompressFolder(options.dir)
    },
  }
}
