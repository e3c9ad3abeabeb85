/**
 * Every row of the open-data tables (and the audit log), ordered by key, as plain JSON: what a
 * package load leaves behind, for comparing two ways of loading. Geometries are their EWKB's md5
 * (exact) with their point count; timestamps and the audit log's ids are left out, and the
 * repository's folder is written `<root>` so that a dump does not depend on where it was made.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'

/** Table → the columns it is ordered by. */
const TABLES: Record<string, string[]> = {
  dataset: ['id'],
  region: ['code'],
  region_name: ['region_code', 'name_zh'],
  indicator: ['county_code', 'code'],
  indicator_value: ['county_code', 'indicator_code', 'region_code', 'year', 'kind'],
  indicator_relation: ['county_code', 'indicator_code', 'related_code'],
  gi_product: ['county_code', 'code'],
  gi_product_region: ['county_code', 'gi_code', 'region_code'],
  service_point: ['id'],
  department: ['county_code', 'code'],
  task: ['county_code', 'code'],
  task_department: ['county_code', 'task_code', 'department_code'],
  audit_log: ['entity', 'entity_id', 'action', 'actor'],
}

// A revert's reference and reason (audit_log.reverts_id, .reason) are no loader's: loads leave them null.
const LEFT_OUT = new Set(['created_at', 'updated_at', 'at', 'audit_log.id', 'audit_log.reverts_id', 'audit_log.reason'])

export type TableDump = Record<string, Record<string, unknown>[]>

/** The dump of every table; `root` (the repository folder) is replaced by `<root>` in text. */
export async function dumpTables(db: Kysely<Database>, root: string): Promise<TableDump> {
  const dump: TableDump = {}
  for (const [table, key] of Object.entries(TABLES)) {
    const { rows: columns } = await sql<{ name: string; type: string }>`
      select column_name as name, udt_name as type from information_schema.columns
       where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
    const select = columns
      .filter((c) => !LEFT_OUT.has(c.name) && !LEFT_OUT.has(`${table}.${c.name}`))
      .map((c) =>
        c.type === 'geometry'
          ? sql`case when ${sql.ref(c.name)} is null then null else md5(st_asewkb(${sql.ref(c.name)})) || ' ' || st_npoints(${sql.ref(c.name)}) end as ${sql.ref(c.name)}`
          : c.type === 'numeric'
            ? sql`${sql.ref(c.name)}::text as ${sql.ref(c.name)}`
            : sql.ref(c.name),
      )
    const { rows } = await sql<
      Record<string, unknown>
    >`select ${sql.join(select)} from ${sql.table(table)} order by ${sql.join(key.map((k) => sql.ref(k)))}`.execute(db)
    dump[table] = JSON.parse(JSON.stringify(rows).replaceAll(JSON.stringify(root).slice(1, -1), '<root>'))
  }
  return dump
}
