/** The committed server/src/queries/*.sql are what the hot queries send now (regenerate with `npm run sql:snapshots`). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUERIES_DIR, renderSqlSnapshots } from '../../server/src/queries/sql-snapshots.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

let t: TestDatabase
let rendered: Map<string, string>
beforeAll(async () => {
  t = await openTestDatabase('seeded')
  rendered = await renderSqlSnapshots(t.db)
})
afterAll(() => t.close())

describe('the SQL snapshots', () => {
  it('cover the hot repositories, one file each', () => {
    expect([...rendered.keys()].sort()).toEqual([
      'compare.repository.sql',
      'indicator.repository.sql',
      'map-layer.repository.sql',
      'region.repository.sql',
      'service-point.repository.sql',
      'tiles.repository.sql',
    ])
    const committed = readdirSync(QUERIES_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
    expect(committed, 'server/src/queries/*.sql: run npm run sql:snapshots and commit the result').toEqual([...rendered.keys()].sort())
  })

  it('equal the SQL the code sends now', () => {
    for (const [file, text] of rendered) {
      const committed = readFileSync(path.join(QUERIES_DIR, file), 'utf8')
      expect(text, `server/src/queries/${file} is out of date: run npm run sql:snapshots and review the diff`).toBe(committed)
    }
  })
})
