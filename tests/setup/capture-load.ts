/**
 * `npx tsx tests/setup/capture-load.ts [out.json]`: loads the bundled Xinzheng package into a fresh
 * embedded database, prints how long the load took (ms) and how many statements it ran, and writes the dump of every table
 * (then, given a second file, loads the synthetic county beside it and dumps both).
 * `tests/fixtures/xinzheng-load.json` was written this way from the code before the one write path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../db/connect.ts'
import { loadDataPackage } from '../../db/dataset/load.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { dumpTables } from './table-dump.ts'
import { ROOT, XINZHENG } from './templates.ts'

const [out, syntheticOut] = process.argv.slice(2)
const dataDir = mkdtempSync(path.join(tmpdir(), 'capture-load-'))
let statements = 0
const { db } = await openDatabase({ kind: 'pglite', dataDir }, { onStatement: () => statements++ })
try {
  await migrateToLatest(db)
  const [start, before] = [performance.now(), statements]
  await loadDataPackage(db, XINZHENG)
  console.log(`loaded ${XINZHENG} in ${(performance.now() - start).toFixed(0)} ms, ${statements - before} SQL statements`)
  const root = ROOT.replace(/\/$/, '')
  if (out) writeFileSync(out, JSON.stringify(await dumpTables(db, root), null, 1) + '\n')
  if (syntheticOut) {
    // A second county beside the first: its points' regions are derived from their locations.
    await loadDataPackage(db, path.join(ROOT, 'tests/fixtures/synthetic-county'))
    writeFileSync(syntheticOut, JSON.stringify(await dumpTables(db, root), null, 1) + '\n')
  }
} finally {
  await db.destroy()
  rmSync(dataDir, { recursive: true, force: true })
}
