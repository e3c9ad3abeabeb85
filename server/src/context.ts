import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { RequestAuth } from './auth/authenticate.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { Gate } from './gate.ts'
import { Memo } from './memo.ts'

/** What every resolver gets: the database, this request's loaders, the county to use when none is named, and who is asking. */
export interface Context {
  db: Kysely<Database>
  loaders: Loaders
  defaultCounty: string
  /** Costly results shared across requests, cleared on every write. */
  memo: Memo
  /** The cap on expensive operations running at once. */
  gate: Gate
  /** The request's credentials (the Authorization header), checked when a mutation asks for a role. */
  auth: RequestAuth
  /** Set once the operation is known to be a mutation: its reads must not come from the memo. */
  writing: boolean
}

/** Shared across requests: the memo of costly results and the gate of expensive operations. */
export interface Shared {
  memo: Memo
  gate: Gate
}

export function createContext(
  db: Kysely<Database>,
  defaultCounty: string,
  authorization?: string,
  shared: Shared = { memo: new Memo(), gate: new Gate() },
): Context {
  const context: Context = {
    db,
    loaders: undefined as unknown as Loaders,
    defaultCounty,
    ...shared,
    auth: new RequestAuth(db, authorization),
    writing: false,
  }
  context.loaders = createLoaders(db, shared.memo, () => !context.writing)
  return context
}
