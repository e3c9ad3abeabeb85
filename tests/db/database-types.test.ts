/** db/database.generated.ts is what `npm run db:types` writes for the migrated database (run it when this fails). */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GENERATED_FILE, generateDatabaseTypes } from '../../db/scripts/database-types.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

/** The file's declarations by name (`Region`, `DB`, …), and what precedes the first. */
function declarations(text: string): Map<string, string> {
  const parts = new Map<string, string>()
  for (const m of text.matchAll(/^export (?:interface|type) (\w+)[^]*?(?=^export |(?![^]))/gm)) parts.set(m[1], m[0].trim())
  parts.set('(imports and header)', text.slice(0, text.search(/^export /m)).trim())
  return parts
}

describe('db/database.generated.ts', () => {
  it('is current: generating it from the migrated database gives the committed file', async () => {
    const committed = declarations(readFileSync(GENERATED_FILE, 'utf8'))
    const generated = declarations(await generateDatabaseTypes(t.db))
    const stale = [...new Set([...committed.keys(), ...generated.keys()])].flatMap((name) =>
      !committed.has(name)
        ? [`${name} is missing from the committed file`]
        : !generated.has(name)
          ? [`${name} is no longer generated`]
          : committed.get(name) !== generated.get(name)
            ? [`${name} differs`]
            : [],
    )
    expect(stale, 'run npm run db:types').toEqual([])
  })

  it('types enum columns as their declared unions (reads as the union, writes as text)', () => {
    const text = readFileSync(GENERATED_FILE, 'utf8')
    expect(text).toMatch(/^ {2}kind: ColumnType<ServicePointKind, string, string>;$/m)
    expect(text).toMatch(/^ {2}seat_quality: ColumnType<Exclude<LocationQuality, "UNKNOWN"> \| null, string \| null, string \| null>;$/m)
  })
})
