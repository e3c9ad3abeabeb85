/**
 * Template databases, made once per test run (global setup) and cloned per test file:
 * an empty one (PostGIS not yet installed) and a seeded one (migrated, Xinzheng loaded).
 * PGlite templates are data-folder dumps; PostgreSQL templates are template databases.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { bootstrapDatabase } from '../../db/bootstrap.ts'
import { openDatabase } from '../../db/connect.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const XINZHENG = path.join(ROOT, 'db/data/xinzheng')
export const TEMPLATE_DIR = path.join(ROOT, '.tmp/test-templates')

export type Backend = 'pglite' | 'postgres'

export interface Templates {
  backend: Backend
  /** PGlite: dump files; PostgreSQL: database names. */
  empty: string
  seeded: string
  /** PostgreSQL: the admin URL used to create and drop databases. */
  adminUrl?: string
}

/** `postgres://…/db` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export async function createTemplates(backend: Backend, runId: string): Promise<Templates> {
  if (backend === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite')
    const { postgis } = await import('@electric-sql/pglite-postgis')
    mkdirSync(TEMPLATE_DIR, { recursive: true })
    const empty = path.join(TEMPLATE_DIR, `${runId}-empty.tar.gz`)
    const seeded = path.join(TEMPLATE_DIR, `${runId}-seeded.tar.gz`)
    const pglite = await PGlite.create({ extensions: { postgis } })
    writeFileSync(empty, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()))
    await pglite.close()
    const { db, pglite: seededPglite } = await openDatabase({ kind: 'pglite', loadDataDir: await blobOf(empty) })
    await bootstrapDatabase(db, [XINZHENG])
    writeFileSync(seeded, Buffer.from(await (await seededPglite!.dumpDataDir('gzip')).arrayBuffer()))
    await db.destroy()
    return { backend, empty, seeded }
  }
  const adminUrl = process.env.TEST_DATABASE_URL!
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const empty = `ipt_${runId}_empty`
  const seeded = `ipt_${runId}_seeded`
  try {
    await admin.query(`create database ${empty}`)
    await admin.query(`create database ${seeded}`)
  } finally {
    await admin.end()
  }
  const { db } = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, seeded) })
  await bootstrapDatabase(db, [XINZHENG])
  await db.destroy()
  return { backend, empty, seeded, adminUrl }
}

export async function dropTemplates(templates: Templates, runId: string): Promise<void> {
  if (templates.backend !== 'postgres') return
  const admin = new pg.Client({ connectionString: templates.adminUrl })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`ipt_${runId}_%`])
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`)
  } finally {
    await admin.end()
  }
}

export async function blobOf(file: string): Promise<Blob> {
  const { readFile } = await import('node:fs/promises')
  return new Blob([await readFile(file)])
}
