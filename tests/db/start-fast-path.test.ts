/**
 * A later start's shortcuts: a database at head is checked with two reads (no Migrator lock), and the
 * embedded database opens with the small PostGIS bundle (db/postgis-bundle.ts) that gives the same results.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connect.ts'
import { migrateDown, migrateToLatest } from '../../db/migrate.ts'
import { postgisExtension, slimBundlePath, writeSlimPostgisBundle } from '../../db/postgis-bundle.ts'
import { backend, cloneTemplate } from '../setup/database.ts'
import { ROOT } from '../setup/templates.ts'

const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of closers) await c()
})

describe('migrations at head', () => {
  it('are checked with two reads and nothing else; one step behind, the Migrator runs that step', async () => {
    const clone = await cloneTemplate('seeded')
    const statements: string[] = []
    const { db } = await openDatabase(clone.options, { onStatement: (s) => statements.push(s.sql) })
    closers.push(async () => {
      await db.destroy()
      await clone.drop()
    })
    expect(await migrateToLatest(db)).toEqual([])
    expect(statements).toHaveLength(2)
    expect(statements.some((s) => s.includes('kysely_migration_lock'))).toBe(false)
    const [down] = await migrateDown(db)
    expect(await migrateToLatest(db)).toEqual([down.replace('Down', 'Up')])
  })
})

describe.runIf(backend === 'pglite')('the small PostGIS bundle', () => {
  it('is less than half the package bundle and gives the same PostGIS', { timeout: 300_000 }, async () => {
    const full = path.join(ROOT, 'node_modules/@electric-sql/pglite-postgis/dist/postgis.tar.gz')
    const bytes = writeSlimPostgisBundle()
    expect(bytes).toBe(statSync(slimBundlePath()).size)
    expect(bytes).toBeLessThan(statSync(full).size / 2)
    const ext = await postgisExtension()
    const { PGlite } = await import('@electric-sql/pglite')
    const { postgis } = await import('@electric-sql/pglite-postgis')
    expect(ext).not.toBe(postgis)
    const probe = `select postgis_lib_version() v, (select count(*)::int from spatial_ref_sys) srs,
      st_astext(st_transform(st_setsrid(st_point(113.74, 34.39), 4326), 3857)) web,
      st_astext(st_transform(st_setsrid(st_point(113.74, 34.39), 4326), 4547)) cgcs`
    const results = []
    for (const extension of [ext, postgis]) {
      const pg = await PGlite.create({ extensions: { postgis: extension } })
      await pg.exec('create extension postgis')
      results.push((await pg.query(probe)).rows[0])
      await pg.close()
    }
    expect(results[0]).toEqual(results[1])
    expect(results[0]).toMatchObject({ srs: expect.any(Number) })
    expect((results[0] as { srs: number }).srs).toBeGreaterThan(8000)
  })
})
