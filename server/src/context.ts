import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { RequestAuth, type Credentials } from './auth/authenticate.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { Gate } from './gate.ts'
import { Memo } from './memo.ts'
import type { CostEstimate } from './security/cost.ts'
import { DbBudget } from './security/db-budget.ts'

/** Runs one expensive operation of the request (map layers, comparisons). */
export interface RequestGate {
  /**
   * With `cancellable`, on PostgreSQL the work runs in a transaction whose statement_timeout is
   * what is left of the request's budget (three statements more: begin, set, commit).
   */
  run<T>(work: () => Promise<T>, options?: { cancellable?: boolean }): Promise<T>
  /** Takes a slot of the shared gate for the request's client (the request guard holds it for the whole request). */
  acquireSlot(): Promise<() => void>
}

/** What every resolver gets: the database, this request's loaders, the county to use when none is named, and who is asking. */
export interface Context {
  /** The database; its statements count against `budget`. */
  db: Kysely<Database>
  loaders: Loaders
  defaultCounty: string
  /** Costly results shared across requests, cleared on every write. */
  memo: Memo
  /** Changes on every write; undefined outside a server. */
  dataGeneration?: () => number
  /** Expensive operations go through here: the shared gate (fair per client), within the request's database-time budget. */
  gate: RequestGate
  /** The request's credentials (a bearer token or a session cookie), checked when a mutation asks for a role. */
  auth: RequestAuth
  /** Set once the operation is known to be a mutation: its reads must not come from the memo. */
  writing: boolean
  /** Who is asking (the client's address), for per-client fairness; undefined for internal calls. */
  client?: string
  kind: 'pglite' | 'postgres'
  /** This request's database time, summed over its statements. */
  budget: DbBudget
  /** The operation's estimated cost (set by the request guard). */
  cost?: CostEstimate
  /** State the request guard sets; an object of its own because Apollo hands resolvers a shallow copy of the context. */
  request: RequestState
}

export interface RequestState {
  /** Held while the request holds a slot of the shared gate: released when it is answered. */
  slot?: () => void
  /** Set for an expensive request: its root fields then run one at a time (see schema.ts). */
  oneAtATime?: <T>(work: () => T | Promise<T>) => Promise<T>
  /** The context object the resolvers see (Apollo's copy). */
  view?: Context
}

/** Shared across requests: the memo of costly results and the gate of expensive operations; and who asks. */
export interface Shared {
  memo: Memo
  gate: Gate
  client?: string
  kind?: 'pglite' | 'postgres'
  /** The request's budget of database time in ms (0: none). */
  maxDbMs?: number
  /** A number that changes on every write (the response cache's generation): what is kept by it is current while it stands. */
  dataGeneration?: () => number
}

export function createContext(
  db: Kysely<Database>,
  defaultCounty: string,
  /** The Authorization header, or everything that says who asks (Authorization, Cookie, X-CSRF-Token, method). */
  authorization?: string | Credentials,
  shared: Shared = { memo: new Memo(), gate: new Gate() },
): Context {
  // The measured budget only where a statement can be cancelled (PostgreSQL); on PGlite the time summed
  // would mostly be waiting behind other requests' statements, and the estimate bounds a request there.
  const budget = new DbBudget(shared.kind === 'postgres' ? (shared.maxDbMs ?? 0) : 0)
  const timed = budget.limitMs > 0 ? db.withPlugin(budget.plugin) : db
  const kind = shared.kind ?? 'pglite'
  const state: RequestState = {}
  const context: Context = {
    db: timed,
    loaders: undefined as unknown as Loaders,
    defaultCounty,
    memo: shared.memo,
    dataGeneration: shared.dataGeneration,
    gate: {
      run: (work, options) => {
        // Resolvers read ctx.db when their work starts: on PostgreSQL it is then the budget's transaction,
        // which is safe only while the request's root fields run one at a time.
        const inBudget = () =>
          budget.run(timed, state.oneAtATime && options?.cancellable ? kind : 'pglite', async (scoped) => {
            const target = state.view ?? context
            const previous = target.db
            target.db = scoped
            try {
              return await work()
            } finally {
              target.db = previous
            }
          })
        return state.slot ? inBudget() : shared.gate.run(inBudget, shared.client)
      },
      acquireSlot: () => shared.gate.acquire(shared.client),
    },
    auth: new RequestAuth(timed, authorization),
    writing: false,
    client: shared.client,
    kind,
    budget,
    request: state,
  }
  context.loaders = createLoaders(timed, shared.memo, () => !context.writing)
  return context
}
