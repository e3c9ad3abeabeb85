/**
 * Writing checked records: new ones with multi-row inserts (a few hundred rows a statement),
 * changed ones one update each, removed ones one delete each. Only `apply.ts` calls these.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { RecordProblems } from './problems.ts'
import type { Resource, Row, StoredRecord } from './resource.ts'

/** Rows per insert statement: far below PostgreSQL's 65 535 parameters for any of our tables. */
export const INSERT_CHUNK = 250

export interface PlannedWrite {
  line: number
  merged: StoredRecord
  old: StoredRecord | undefined
}

/** Writes the records (inside the caller's transaction); a constraint the checks did not foresee is a {@link RecordProblems}. */
export async function writeRecords(tx: Kysely<Database>, resource: Resource, county: string, planned: PlannedWrite[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table and its columns are the resource's, known at run time only
  const db = tx as unknown as Kysely<any>
  const inserts: { line: number; row: Row }[] = []
  for (const p of planned) {
    if (!p.old && !resource.partOfRegion) {
      inserts.push({ line: p.line, row: resource.row(county, p.merged, undefined) })
      continue
    }
    const match = resource.match(county, p.merged.values)
    let update = db.updateTable(resource.table).set(resource.row(county, p.merged, p.old))
    for (const [column, value] of Object.entries(match)) update = update.where(column, '=', value)
    await update.execute().catch((error) => {
      throw databaseProblem(error, p.line)
    })
  }
  if (resource.positioned)
    await numberPositions(
      tx,
      resource,
      county,
      inserts.map((i) => i.row),
    )
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    const chunk = inserts.slice(i, i + INSERT_CHUNK)
    await db
      .insertInto(resource.table)
      .values(chunk.map((c) => c.row))
      .execute()
      .catch((error) => {
        throw databaseProblem(error, chunk[0].line, chunk.at(-1)!.line)
      })
  }
}

/** Deletes the records (inside the caller's transaction). */
export async function deleteRows(tx: Kysely<Database>, resource: Resource, county: string, records: StoredRecord[]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table and its columns are the resource's, known at run time only
  const db = tx as unknown as Kysely<any>
  for (const r of records) {
    let remove = db.deleteFrom(resource.table)
    for (const [column, value] of Object.entries(resource.match(county, r.values))) remove = remove.where(column, '=', value)
    await remove.execute()
  }
}

/** New rows without a position come after the county's last one, in the order given. */
async function numberPositions(tx: Kysely<Database>, resource: Resource, county: string, rows: Row[]): Promise<void> {
  if (!rows.some((r) => r.position === null || r.position === undefined)) return
  const { rows: last } = await sql<{
    n: number
  }>`select coalesce(max(position), 0)::int as n from ${sql.table(resource.table)} where county_code = ${county}`.execute(tx)
  let next = last[0].n
  for (const row of rows) {
    if (row.position === null || row.position === undefined) row.position = ++next
    else next = Math.max(next, Number(row.position))
  }
}

/** A constraint the checks did not foresee, reported against the record's line (or the lines of a multi-row insert). */
function databaseProblem(error: unknown, line: number, lastLine = line): Error {
  const e = error as { code?: string; message?: string; detail?: string }
  if (e.code && /^23/.test(e.code)) {
    const lines = lastLine === line ? '' : ` (one of lines ${line}..${lastLine})`
    return new RecordProblems([{ line, column: null, message: `rejected by the database${lines}: ${e.detail ?? e.message}` }])
  }
  return error as Error
}
