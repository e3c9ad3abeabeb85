/** Start-up work on the database: migrate, then load each bundled data package that is not loaded yet. */
import type { Kysely } from 'kysely'
import type { Database } from './database.ts'
import { loadDataPackage, type LoadResult } from './dataset/load.ts'
import { migrateToLatest } from './migrate.ts'

export interface BootstrapResult {
  migrations: string[]
  packages: LoadResult[]
}

/** Idempotent: a second run migrates nothing and loads nothing. */
export async function bootstrapDatabase(db: Kysely<Database>, packageDirs: string[]): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(db)
  const packages: LoadResult[] = []
  for (const dir of packageDirs) packages.push(await loadDataPackage(db, dir))
  return { migrations, packages }
}
