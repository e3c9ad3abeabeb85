/**
 * One declaration per enum (schema/enum-values.ts): the copies that cannot import it (the migrated database's
 * check constraints, the bundled data package's datapackage.json) are compared with it here, and every
 * difference is named (table and column or resource and field, and the missing or extra value).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESOURCE_FIELDS } from '../../db/dataset/schemas.ts'
import { ENUM_COLUMNS } from '../../db/scripts/enum-columns.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { XINZHENG } from '../setup/templates.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

/** What differs between two lists of values, in words: '' when they hold the same values. */
function difference(where: string, found: readonly string[], declared: readonly string[], declaredBy: string): string[] {
  const missing = declared.filter((v) => !found.includes(v))
  const extra = found.filter((v) => !declared.includes(v))
  return [
    ...(missing.length ? [`${where} lacks ${missing.join(', ')} (declared by ${declaredBy})`] : []),
    ...(extra.length ? [`${where} allows ${extra.join(', ')}, which ${declaredBy} does not declare`] : []),
  ]
}

/** `table.column` → the values its check constraints list (`column in (…)`, which PostgreSQL keeps as `= ANY (ARRAY[…])`). */
async function checkedColumns(): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table: string; def: string }>`
    select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'c' and n.nspname = current_schema()`.execute(t.db)
  const columns = new Map<string, string[]>()
  for (const { table, def } of rows) {
    for (const m of def.matchAll(/\(?(\w+) = ANY \(+ARRAY\[([^\]]*)\]/g)) {
      columns.set(
        `${table}.${m[1]}`,
        [...m[2].matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1]),
      )
    }
  }
  return columns
}

describe("the database's check constraints", () => {
  it('list exactly the declared values of each enum column', async () => {
    const checked = await checkedColumns()
    const problems: string[] = []
    for (const [column, e] of Object.entries(ENUM_COLUMNS)) {
      const found = checked.get(column)
      if (!found) problems.push(`${column} has no check constraint listing its values (db/scripts/enum-columns.ts says it holds ${e.type})`)
      else
        problems.push(
          ...difference(`the check constraint of ${column}`, found, e.values, e.except ? `${e.type} without ${e.except.values.join(', ')}` : e.type),
        )
    }
    for (const column of checked.keys()) {
      if (!(column in ENUM_COLUMNS)) problems.push(`${column} has a check constraint listing values, but db/scripts/enum-columns.ts names no enum for it`)
    }
    expect(problems).toEqual([])
  })

  it("are found by the comparison (the parser reads PostgreSQL's form of `in (…)`)", async () => {
    const checked = await checkedColumns()
    expect(checked.get('service_point.kind')).toContain('UNIVERSITY')
    expect([...checked.keys()].sort()).toEqual(Object.keys(ENUM_COLUMNS).sort())
  })
})

describe('the bundled data package', () => {
  it('allows exactly the declared values in each enum field of datapackage.json', () => {
    const descriptor = JSON.parse(readFileSync(path.join(XINZHENG, 'datapackage.json'), 'utf8'))
    const problems: string[] = []
    for (const [resource, fields] of Object.entries(RESOURCE_FIELDS)) {
      const described = descriptor.resources.find((r: { name: string }) => r.name === resource)?.schema?.fields ?? []
      for (const field of fields) {
        if (!field.constraints?.enum) continue
        const found: string[] | undefined = described.find((d: { name: string }) => d.name === field.name)?.constraints?.enum
        const where = `db/data/xinzheng/datapackage.json resource ${resource} field ${field.name}`
        if (!found) problems.push(`${where} has no enum constraint (allowed: ${field.constraints.enum.join(', ')})`)
        else problems.push(...difference(where, found, field.constraints.enum, 'schema/enum-values.ts'))
      }
    }
    expect(problems).toEqual([])
  })
})
