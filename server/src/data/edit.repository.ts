import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { listRecords, type Resource, type StoredRecord } from '../../../db/records/resources.ts'

/** The county a service point belongs to, or undefined when there is no such point. */
export async function findServicePointCounty(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('service_point').select('county_code').where('id', '=', id).executeTakeFirst())?.county_code
}

/** The county a region belongs to, or undefined. */
export async function findRegionCounty(db: Kysely<Database>, code: string): Promise<string | undefined> {
  return (await db.selectFrom('region').select('county_code').where('code', '=', code).executeTakeFirst())?.county_code
}

/** A stored record of a resource by key, as the files carry it; undefined when there is none. */
export async function findStoredRecord(db: Kysely<Database>, resource: Resource, county: string, key: string): Promise<StoredRecord | undefined> {
  return (await listRecords(db, resource, county)).find((r) => r.key === key)
}

/** Records of a resource whose `field` equals `value`. */
export async function listStoredRecords(db: Kysely<Database>, resource: Resource, county: string, field: string, value: string): Promise<StoredRecord[]> {
  return (await listRecords(db, resource, county)).filter((r) => r.values[field] === value)
}
