/** Statements under a time limit of their own (PostgreSQL). */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'

/** Runs `work` in a transaction whose statements may each take at most `timeoutMs` (SET LOCAL statement_timeout). */
export function withStatementTimeout<T>(db: Kysely<Database>, timeoutMs: number, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('statement_timeout', ${String(Math.round(timeoutMs))}, true)`.execute(trx)
    return work(trx)
  })
}
