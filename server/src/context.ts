import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { RequestAuth } from './auth/authenticate.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { Memo } from './memo.ts'

/** What every resolver gets: the database, this request's loaders, the county to use when none is named, and who is asking. */
export interface Context {
  db: Kysely<Database>
  loaders: Loaders
  defaultCounty: string
  /** Costly results shared across requests, cleared on every write. */
  memo: Memo
  /** The request's credentials (the Authorization header), checked when a mutation asks for a role. */
  auth: RequestAuth
}

export function createContext(db: Kysely<Database>, defaultCounty: string, authorization?: string, memo: Memo = new Memo()): Context {
  return { db, loaders: createLoaders(db), defaultCounty, memo, auth: new RequestAuth(db, authorization) }
}
