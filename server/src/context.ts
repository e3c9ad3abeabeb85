import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { createLoaders, type Loaders } from './loaders.ts'
import { Memo } from './memo.ts'

/** What every resolver gets: the database, this request's loaders, and the county to use when none is named. */
export interface Context {
  db: Kysely<Database>
  loaders: Loaders
  defaultCounty: string
  /** Costly results shared across requests, cleared on every write. */
  memo: Memo
}

export function createContext(db: Kysely<Database>, defaultCounty: string, memo: Memo = new Memo()): Context {
  return { db, loaders: createLoaders(db), defaultCounty, memo }
}
