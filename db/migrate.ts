/** Migrations up and down, with the Kysely Migrator over the static list in `migrations/`. */
import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely'
import type { Database } from './database.ts'
import { migrations } from './migrations/index.ts'

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } })
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a migration may throw anything: an Error gives its message, anything else String()'s text
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error })
  }
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`)
}

/**
 * True when exactly the migrations in the list have run (a start on a database at head): one catalog
 * look-up and one read, without the Migrator's lock table and lock. Anything else goes to the Migrator.
 */
async function atHead(db: Kysely<Database>): Promise<boolean> {
  const table = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db)
  if (!table.rows[0]?.t) return false
  const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(db)
  const names = new Set(Object.keys(migrations))
  return ran.rows.length === names.size && ran.rows.every((r) => names.has(r.name))
}

/** Runs every pending migration; returns what ran, e.g. `['Up 2026_11_26_0700_postgis']`. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await atHead(db)) return []
  return unwrap(await migrator(db).migrateToLatest())
}

/** Undoes the latest migration. */
export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown())
}

/** Undoes every migration. */
export async function migrateToEmpty(db: Kysely<Database>): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely')
  return unwrap(await migrator(db).migrateTo(NO_MIGRATIONS))
}
