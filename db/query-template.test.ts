import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery } from 'kysely'
import { describe, expect, it } from 'vitest'
import { QueryTemplates } from './query-template.ts'

/** A Kysely that compiles but runs nothing, and keeps every query it was asked to run. */
function compileOnly() {
  const ran: CompiledQuery[] = []
  const db = new Kysely<any>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      ran.push(event.query)
    },
  })
  return { db, ran }
}

const build = (db: Kysely<any>) => (v: <T>(i: number) => T) =>
  db
    .selectFrom('t')
    .select('id')
    .where('a', '=', v<string>(0))
    .where(sql<boolean>`b = ${v(1)} or c = ${v(1)}`)
    .limit(v<number>(2))

describe('query templates', () => {
  it('runs the same SQL and parameters as the query built directly, a value used twice included', async () => {
    const { db, ran } = compileOnly()
    const templates = new QueryTemplates()
    await templates.execute(db, 'q', ['x', 7, 10], build(db))
    await templates.execute(db, 'q', ['y', 8, 20], build(db))

    const direct = build(db)(((i: number) => ['y', 8, 20][i]) as <T>(i: number) => T).compile()
    expect(ran[1].sql).toBe(direct.sql)
    expect(ran[1].parameters).toEqual(['y', 8, 8, 20])
    expect(ran[0].parameters).toEqual(['x', 7, 7, 10])
  })

  it('refuses a query with a value that does not come from v(i)', async () => {
    const { db } = compileOnly()
    await expect(new QueryTemplates().execute(db, 'q', ['x'], (v) => db.selectFrom('t').select('id').where('a', '=', v<string>(0)).limit(5))).rejects.toThrow(
      /does not come from v\(i\)/,
    )
  })
})
