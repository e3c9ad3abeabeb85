import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenDatabase } from '../../db/connect.ts'
import { backend, cloneTemplate } from '../setup/database.ts'

// PGlite cannot interrupt a running statement (WebAssembly has no timer signals); PostgreSQL can.
describe.runIf(backend === 'postgres')('statement timeout on PostgreSQL', () => {
  let clone: Awaited<ReturnType<typeof cloneTemplate>>
  let open: OpenDatabase
  beforeAll(async () => {
    clone = await cloneTemplate('seeded')
    open = await openDatabase({ ...(clone.options as { kind: 'postgres'; url: string }), statementTimeoutMs: 300 })
  })
  afterAll(async () => {
    await open.db.destroy()
    await clone.drop()
  })

  it('cancels a statement that runs longer than STATEMENT_TIMEOUT_MS', async () => {
    const t0 = Date.now()
    await expect(sql`select pg_sleep(3)`.execute(open.db)).rejects.toThrow(/statement timeout/)
    expect(Date.now() - t0).toBeLessThan(2500)
  })

  it('leaves ordinary queries alone', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from region`.execute(open.db)
    expect(rows[0].n).toBe(19)
  })
})
