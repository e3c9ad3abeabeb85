/**
 * Hot queries compiled once per shape: Kysely builds and compiles a query on every call (immutable
 * nodes, a visitor pass), which costs more than running a small query. A template remembers the SQL
 * of each shape and where each value goes, and later calls only fill in the values.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely'

interface Template {
  sql: string
  /** For each SQL parameter, the index of the value it takes. */
  slots: number[]
}

export class QueryTemplates {
  readonly #templates = new Map<string, Template>()

  constructor(readonly maxShapes = 200) {}

  /**
   * Runs the query `build` makes, with `values` as its parameters. `shape` names everything that
   * changes the SQL text (which filters are present, how many items a list has, which columns);
   * `build` receives `v(i)` to use in place of `values[i]` and must pass every value through it.
   *
   *   templates.execute(db, `page:${kinds.length}`, [county, ...kinds], (v) =>
   *     db.selectFrom('t').where('county', '=', v(0)).where('kind', 'in', kinds.map((_, i) => v(1 + i))))
   */
  async execute<R>(
    db: Pick<Kysely<unknown>, 'executeQuery'>,
    shape: string,
    values: readonly unknown[],
    build: (v: <T>(i: number) => T) => Compilable<R>,
  ): Promise<R[]> {
    let template = this.#templates.get(shape)
    if (!template) {
      // Compile once with a unique marker per value, then map each parameter back to its value.
      const markers = values.map((_, i) => `\u0000template-value-${i}\u0000`)
      const compiled = build(<T>(i: number) => markers[i] as T).compile()
      const slots = compiled.parameters.map((p) => markers.indexOf(p as string))
      if (slots.includes(-1)) throw new Error(`Query template ${shape}: a parameter does not come from v(i)`)
      template = { sql: compiled.sql, slots }
      if (this.#templates.size >= this.maxShapes) this.#templates.delete(this.#templates.keys().next().value!)
      this.#templates.set(shape, template)
    }
    const { rows } = await db.executeQuery<R>(
      CompiledQuery.raw(
        template.sql,
        template.slots.map((i) => values[i]),
      ),
    )
    return rows
  }
}
