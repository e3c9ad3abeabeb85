/** `npm run db:migrate` / `npm run db:rollback`: migrations on the configured database (DATABASE_URL or DATA_DIR). */
import { ConfigError, openDatabase } from './connect.ts'
import { migrateDown, migrateToLatest } from './migrate.ts'
import { databaseConfigFromEnv } from './config.ts'

const command = process.argv[2]
if (command !== 'migrate' && command !== 'rollback') {
  process.stderr.write('Usage: tsx db/cli.ts migrate|rollback\n')
  process.exit(2)
}
try {
  const { db, describe } = await openDatabase(databaseConfigFromEnv().database)
  try {
    const ran = command === 'migrate' ? await migrateToLatest(db) : await migrateDown(db)
    console.log(`${describe}: ${ran.length ? ran.join(', ') : 'nothing to do'}`)
  } finally {
    await db.destroy()
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? '' : 'Failed: '}${(error as Error).message}\n`)
  process.exit(1)
}
