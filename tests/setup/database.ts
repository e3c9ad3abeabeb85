/**
 * Each test file's own database, cloned from a template made in global setup:
 * `seeded` (migrated, Xinzheng loaded) or `empty` (nothing, not even PostGIS).
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type DatabaseOptions } from '../../db/connect.ts'
import type { Database } from '../../db/database.ts'
import { blobOf, withDatabase, type Backend } from './templates.ts'

export interface TestDatabase {
  backend: Backend
  db: Kysely<Database>
  /** Options that open this same database again (e.g. for a server under test). */
  options: DatabaseOptions
  close(): Promise<void>
}

export const backend = (process.env.TEST_BACKEND ?? 'pglite') as Backend

/** Options for a fresh clone of a template, without opening it. */
export async function cloneTemplate(kind: 'seeded' | 'empty' = 'seeded'): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  const templates = inject('templates')
  if (templates.backend === 'pglite') {
    return { options: { kind: 'pglite', loadDataDir: await blobOf(templates[kind]) }, drop: async () => {} }
  }
  const name = `ipt_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: templates.adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${templates[kind]}`)
  } finally {
    await admin.end()
  }
  return {
    options: { kind: 'postgres', url: withDatabase(templates.adminUrl!, name), poolSize: 4 },
    drop: async () => {
      const c = new pg.Client({ connectionString: templates.adminUrl })
      await c.connect()
      try {
        await c.query(`drop database if exists ${name} with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}

/** A database of this test file's own. */
export async function openTestDatabase(kind: 'seeded' | 'empty' = 'seeded'): Promise<TestDatabase> {
  const clone = await cloneTemplate(kind)
  const { db } = await openDatabase(clone.options)
  return {
    backend,
    db,
    options: clone.options,
    async close() {
      await db.destroy()
      await clone.drop()
    },
  }
}
