/**
 * `npm run build` (and so `npm ci`'s `prepare`), server half: bundles `server/src/main.ts` with esbuild
 * into `build/server.mjs` (packages stay in node_modules), lists the sources it was made from in
 * `build/server.json` for `server/start.mjs`'s freshness check, and writes the small PostGIS bundle
 * (db/postgis-bundle.ts). A later start then imports one file instead of transpiling some 160 with tsx.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { ROOT } from '../../db/config.ts'
import { writeSlimPostgisBundle } from '../../db/postgis-bundle.ts'

const OUT_DIR = path.join(ROOT, 'build')

const started = performance.now()
mkdirSync(OUT_DIR, { recursive: true })
const scratch = path.join(OUT_DIR, `server.building-${process.pid}.mjs`)
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ['server/src/main.ts'],
  outfile: scratch,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.node.json',
  metafile: true,
  logLevel: 'warning',
})
// Every file the bundle was made from, and the settings that shaped it: a newer one makes the bundle stale.
const inputs = [...Object.keys(result.metafile.inputs), 'tsconfig.node.json', 'tsconfig.base.json', 'package.json']
renameSync(scratch, path.join(OUT_DIR, 'server.mjs'))
writeFileSync(path.join(OUT_DIR, 'server.json'), `${JSON.stringify({ bundle: 'build/server.mjs', inputs }, null, 1)}\n`)
const postgisBytes = writeSlimPostgisBundle()
process.stdout.write(
  `build/server.mjs from ${inputs.length} files, build/postgis.tar.gz ${(postgisBytes / 1e6).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
)
