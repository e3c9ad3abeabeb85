import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { createLoaders, type Loaders } from './loaders.ts'

/** What every resolver gets: the database, this request's loaders, and the county to use when none is named. */
export interface Context {
  db: Kysely<Database>
  loaders: Loaders
  defaultCounty: string
}

export function createContext(db: Kysely<Database>, defaultCounty: string): Context {
  return { db, loaders: createLoaders(db), defaultCounty }
}
