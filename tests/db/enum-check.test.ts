/** db/enum-check.ts: a migration's new enum value is allowed, the old list comes back on down, other checks stay. */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceEnumCheck } from '../../db/enum-check.ts'
import { ServicePointKind, valuesOf } from '../../schema/enum-values.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

const KINDS = valuesOf(ServicePointKind)
const setKind = (kind: string) => sql`update service_point set kind = ${kind} where id = (select min(id) from service_point)`.execute(t.db)
const checks = async () =>
  (
    await sql<{
      def: string
    }>`select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'service_point'::regclass and contype = 'c' order by 1`.execute(t.db)
  ).rows.map((r) => r.def)

describe('replaceEnumCheck', () => {
  it('allows a new value, refuses it again after down, and keeps the table’s other checks', async () => {
    const before = await checks()
    await expect(setKind('ARBITRATION_CENTER')).rejects.toThrow(/check constraint/)
    await replaceEnumCheck(t.db, 'service_point', 'kind', [...KINDS, 'ARBITRATION_CENTER'])
    await setKind('ARBITRATION_CENTER')
    await setKind(KINDS[0])
    await replaceEnumCheck(t.db, 'service_point', 'kind', KINDS)
    await expect(setKind('ARBITRATION_CENTER')).rejects.toThrow(/check constraint/)
    expect((await checks()).length).toBe(before.length)
    expect((await checks()).filter((d) => !d.includes('kind = ANY'))).toEqual(before.filter((d) => !d.includes('kind = ANY')))
  })

  it('refuses a name that is not a plain identifier, and an empty list', async () => {
    await expect(replaceEnumCheck(t.db, 'service_point; drop table region', 'kind', KINDS)).rejects.toThrow(/not a plain table and column name/)
    await expect(replaceEnumCheck(t.db, 'service_point', 'kind', [])).rejects.toThrow(/at least one value/)
  })
})
