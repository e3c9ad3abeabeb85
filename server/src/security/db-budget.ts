/**
 * A request's budget of database time: the statements of one request are timed and summed (from
 * the moment Kysely hands a statement over to its result), a statement is refused once the budget is
 * spent, and on PostgreSQL the expensive operations run with `statement_timeout` set to what is left,
 * so the server cancels a statement that would overrun it. (PGlite cannot interrupt a statement:
 * there requests are bounded before they start, by their estimated cost; see request-guard.ts.)
 */
import { HeaderMap } from '@apollo/server'
import { GraphQLError } from 'graphql'
import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { withStatementTimeout } from './statement-budget.repository.ts'

/** The request used its database time: QUERY_TOO_COMPLEX (not logged: the client asked for too much). */
export class DbBudgetExceeded extends GraphQLError {
  constructor(limitMs: number, spentMs: number) {
    super(
      `查询过于复杂 · Query too complex: this request used ${Math.round(spentMs)} ms of database time, over its budget of ${limitMs} ms; ask for less in one request`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDbMs', max: limitMs, http: { status: 400, headers: new HeaderMap() } } },
    )
  }
}

/** A query_canceled (57014) from PostgreSQL: statement_timeout fired. */
function isCanceled(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === '57014'
}

export class DbBudget {
  spentMs = 0
  readonly #started = new WeakMap<object, number>()

  constructor(public limitMs: number) {}

  /** No budget from now on (a mutation: see request-guard.ts). */
  lift(): void {
    this.limitMs = 0
  }

  get remainingMs(): number {
    return this.limitMs - this.spentMs
  }

  /** A Kysely plugin that refuses statements once the budget is spent and adds each one's time. */
  readonly plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => {
      if (this.limitMs > 0 && this.spentMs > this.limitMs) throw new DbBudgetExceeded(this.limitMs, this.spentMs)
      this.#started.set(args.queryId, performance.now())
      return args.node
    },
    transformResult: (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
      const started = this.#started.get(args.queryId)
      if (started !== undefined) this.spentMs += performance.now() - started
      return Promise.resolve(args.result)
    },
  }

  /**
   * Runs `work` with what is left of the budget: refused at once when nothing is, and on PostgreSQL
   * inside a transaction whose statement_timeout is the rest (a cancelled statement becomes
   * DbBudgetExceeded). `work` gets the database to use.
   */
  async run<T>(db: Kysely<Database>, kind: 'pglite' | 'postgres', work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.limitMs <= 0) return work(db)
    if (this.remainingMs <= 0) throw new DbBudgetExceeded(this.limitMs, this.spentMs)
    if (kind !== 'postgres') return work(db)
    const t0 = performance.now()
    try {
      return await withStatementTimeout(db, Math.max(1, Math.ceil(this.remainingMs)), work)
    } catch (error) {
      if (isCanceled(error)) {
        this.spentMs = Math.max(this.spentMs, this.limitMs + 1, this.spentMs + performance.now() - t0)
        throw new DbBudgetExceeded(this.limitMs, this.spentMs)
      }
      throw error
    }
  }
}
