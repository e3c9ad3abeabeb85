/**
 * PostGIS for the embedded database, without the parts we never load. `@electric-sql/pglite-postgis`
 * ships one 19.7 MB bundle that PGlite unpacks into memory on every open, compiling each `.so` in it:
 * PostGIS itself, but also raster and topology (two more 15–16 MB WebAssembly modules), the tiger
 * geocoder and every upgrade script. Our migrations create only `postgis`. `npm run build` writes
 * `build/postgis.tar.gz` with just what `create extension postgis` and its functions read (the
 * library, the control file, the install script of the default version, PROJ's data), and an open
 * uses it when it was made from the installed package's bundle; otherwise the full bundle, as before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Extension } from '@electric-sql/pglite'
import { ROOT } from './config.ts'

/** build/postgis.tar.gz (a function: db/config.ts and db/connect.ts import each other, so ROOT is read only when called). */
export const slimBundlePath = () => path.join(ROOT, 'build', 'postgis.tar.gz')

/** The installed package's own bundle, and what identifies it (the package's version and the bundle's size; npm gives every installed file the same mtime). */
function fullBundle(): { file: string; stamp: string } {
  const dir = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite-postgis')
  const file = path.join(dir, 'dist', 'postgis.tar.gz')
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  return { file, stamp: JSON.stringify({ package: `@electric-sql/pglite-postgis@${version}`, size: statSync(file).size }) }
}

/** The PostGIS extension for PGlite.create: the small bundle when it matches the installed package, else the package's own. */
export async function postgisExtension(): Promise<Extension> {
  const { postgis } = await import('@electric-sql/pglite-postgis')
  let fresh = false
  try {
    fresh = existsSync(slimBundlePath()) && readFileSync(`${slimBundlePath()}.json`, 'utf8') === fullBundle().stamp
  } catch {
    fresh = false
  }
  if (!fresh) return postgis
  const bundlePath = pathToFileURL(slimBundlePath())
  return {
    name: postgis.name,
    setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath }),
  }
}

/** One tar entry: its header block(s) (a pax or long-name header travels with the entry after it) and its data. */
interface TarEntry {
  name: string
  bytes: Buffer
}

function tarEntries(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = []
  let start = 0
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break
    const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '')
    const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '')
    const size = parseInt(header.toString('utf8', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8)
    const type = String.fromCharCode(header[156])
    at += 512 + Math.ceil(size / 512) * 512
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') continue // belongs to the next entry
    entries.push({ name: prefix ? `${prefix}/${name}` : name, bytes: tar.subarray(start, at) })
    start = at
  }
  return entries
}

/** Writes the small bundle (and its stamp) from the installed package's bundle; returns its size in bytes. */
export function writeSlimPostgisBundle(): number {
  const { file, stamp } = fullBundle()
  const entries = tarEntries(gunzipSync(readFileSync(file)))
  const control = entries.find((e) => e.name === 'share/postgresql/extension/postgis.control')
  const version = control && /default_version\s*=\s*'([^']+)'/.exec(control.bytes.subarray(512).toString('utf8'))?.[1]
  if (!version) throw new Error(`${file} has no postgis.control with a default_version: the package layout has changed.`)
  const keep = new Set(['lib/postgresql/postgis-3.so', 'share/postgresql/extension/postgis.control', `share/postgresql/extension/postgis--${version}.sql`])
  const kept = entries.filter((e) => keep.has(e.name) || e.name.startsWith('share/proj/'))
  const missing = [...keep].filter((name) => !kept.some((e) => e.name === name))
  if (missing.length) throw new Error(`${file} lacks ${missing.join(', ')}: the package layout has changed.`)
  const out = gzipSync(Buffer.concat([...kept.map((e) => e.bytes), Buffer.alloc(1024)]), { level: 1 })
  const target = slimBundlePath()
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(`${target}.tmp`, out)
  renameSync(`${target}.tmp`, target)
  writeFileSync(`${target}.json`, stamp)
  return out.length
}
