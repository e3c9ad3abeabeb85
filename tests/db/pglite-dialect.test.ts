import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PGliteDialect } from '../../db/pglite-dialect.ts'
import { backend } from '../setup/database.ts'

interface TestDb {
  item: { id: number; name: string; qty: number }
}

// The dialect is PGlite's own: it runs once, in the PGlite project (plain PGlite, no extension needed).
describe.runIf(backend === 'pglite')('PGliteDialect', () => {
  let pglite: PGlite
  let db: Kysely<TestDb>

  beforeAll(async () => {
    pglite = await PGlite.create()
    db = new Kysely<TestDb>({ dialect: new PGliteDialect({ pglite }) })
    await sql`create table item (id int primary key, name text not null, qty int not null check (qty >= 0))`.execute(db)
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('runs parameterised queries and returns typed rows', async () => {
    await db
      .insertInto('item')
      .values([
        { id: 1, name: '红枣', qty: 3 },
        { id: 2, name: 'cherry', qty: 5 },
      ])
      .execute()
    const rows = await db.selectFrom('item').selectAll().where('qty', '>', 4).execute()
    expect(rows).toEqual([{ id: 2, name: 'cherry', qty: 5 }])
  })

  it('reports affected rows for updates and deletes', async () => {
    const update = await db.updateTable('item').set({ qty: 0 }).where('id', 'in', [1, 2]).executeTakeFirst()
    expect(update.numUpdatedRows).toBe(2n)
    const del = await db.deleteFrom('item').where('id', '=', 99).executeTakeFirst()
    expect(del.numDeletedRows).toBe(0n)
  })

  it('accepts several statements in one parameterless query (as migrations write them)', async () => {
    await sql`create table a (x int); create table b (y int); insert into a values (1), (2)`.execute(db)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from a`.execute(db)
    expect(rows[0].n).toBe(2)
  })

  it('commits a transaction', async () => {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('item').values({ id: 10, name: 'in tx', qty: 1 }).execute()
    })
    expect(await db.selectFrom('item').select('name').where('id', '=', 10).executeTakeFirst()).toEqual({ name: 'in tx' })
  })

  it('rolls a transaction back when it throws, and the connection stays usable', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto('item').values({ id: 11, name: 'doomed', qty: 1 }).execute()
        await tx.insertInto('item').values({ id: 12, name: 'bad', qty: -1 }).execute()
      }),
    ).rejects.toThrow(/check constraint/)
    expect(await db.selectFrom('item').select('id').where('id', '=', 11).executeTakeFirst()).toBeUndefined()
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }])
  })

  it('keeps concurrent transactions apart: a query outside waits instead of joining the open transaction', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const inside = db.transaction().execute(async (tx) => {
      await tx.insertInto('item').values({ id: 20, name: 'pending', qty: 1 }).execute()
      await gate
      throw new Error('abort on purpose')
    })
    // Issued while the transaction is open; must not run inside it (it would be rolled back with it).
    const outside = db.insertInto('item').values({ id: 21, name: 'outside', qty: 1 }).execute()
    await new Promise((r) => setTimeout(r, 50))
    release()
    await expect(inside).rejects.toThrow('abort on purpose')
    await outside
    const ids = (await db.selectFrom('item').select('id').where('id', 'in', [20, 21]).orderBy('id').execute()).map((r) => r.id)
    expect(ids).toEqual([21])
  })

  it('supports savepoints in controlled transactions', async () => {
    const trx = await db.startTransaction().execute()
    await trx.insertInto('item').values({ id: 30, name: 'kept', qty: 1 }).execute()
    const sp = await trx.savepoint('before_second').execute()
    await sp.insertInto('item').values({ id: 31, name: 'undone', qty: 1 }).execute()
    await sp.rollbackToSavepoint('before_second').execute()
    await trx.commit().execute()
    const ids = (await db.selectFrom('item').select('id').where('id', 'in', [30, 31]).execute()).map((r) => r.id)
    expect(ids).toEqual([30])
  })

  it('closes PGlite on destroy', async () => {
    const own = await PGlite.create()
    const ownDb = new Kysely<TestDb>({ dialect: new PGliteDialect({ pglite: own }) })
    await sql`select 1`.execute(ownDb)
    await ownDb.destroy()
    expect(own.closed).toBe(true)
  })
})
