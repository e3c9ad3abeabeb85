/**
 * Related series (indicator-relations.csv): loaded with the package, checked like every resource by
 * the one write path, each bad row refused with its file, row and column, nothing written.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataPackage } from '../../db/dataset/load.ts'
import { DatasetError } from '../../db/dataset/package.ts'
import { ImportError, importFile } from '../../db/import/import.ts'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'
import { XINZHENG } from '../setup/templates.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

const RELATIONS = readFileSync(path.join(XINZHENG, 'indicator-relations.csv'), 'utf8')

/** A copy of the bundled package with its relations file replaced. */
function packageWithRelations(csv: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'pkg-rel-'))
  cpSync(XINZHENG, copy, { recursive: true })
  writeFileSync(path.join(copy, 'indicator-relations.csv'), csv)
  return copy
}

const stored = () => t.db.selectFrom('indicator_relation').selectAll().where('county_code', '=', '410184').orderBy('indicator_code').execute()

describe('related series', () => {
  it('are loaded from the bundled package: the pledge-financing and the PCT rows, once each, with both notes and a source', async () => {
    const rows = await stored()
    expect(rows.map((r) => [r.indicator_code, r.related_code, r.kind])).toEqual([
      ['ip-pledge-financing', 'ip-pledge-loans', 'SAME_MEASURE_DIFFERENT_BASIS'],
      ['pct-applications', 'pct-applications-cumulative', 'SAME_MEASURE_DIFFERENT_BASIS'],
    ])
    for (const r of rows) {
      expect(r.note).toMatch(/[A-Za-z]{4}/)
      expect(r.note_zh).toMatch(/\p{Script=Han}{4}/u)
      expect(r.source).toMatch(/附件2 row/)
    }
  })

  it('refuse, in the importer, a relation naming an unknown indicator, listed backwards or with itself, naming each line and column', async () => {
    const before = await stored()
    const lines = RELATIONS.trimEnd().split(/\r?\n/)
    const bad = [
      lines[0],
      lines[1].replace('ip-pledge-financing,ip-pledge-loans', 'ip-pledge-financing,ip-pledge-credit'),
      lines[2].replace('pct-applications,pct-applications-cumulative', 'pct-applications-cumulative,pct-applications'),
      lines[2].replace('pct-applications,pct-applications-cumulative', 'trainees,trainees'),
    ].join('\n')
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'rel-')), 'indicator-relations.csv')
    writeFileSync(file, bad)
    const error = await importFile(t.db, { resource: 'indicator-relations', file, county: '410184' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).problems).toEqual([
      'indicator-relations.csv line 2, column related_code: no indicator "ip-pledge-credit" in this county',
      'indicator-relations.csv line 3, column related_code: list each pair once with the smaller code first: indicator_code "pct-applications", related_code "pct-applications-cumulative"',
      'indicator-relations.csv line 4, column related_code: an indicator cannot be related to itself ("trainees")',
    ])
    expect(await stored()).toEqual(before)
  })

  it('refuse, in a package load, a relation naming an unknown indicator, naming the file, row and column; nothing is written', async () => {
    await sql`truncate dataset restart identity cascade`.execute(t.db)
    const broken = packageWithRelations(RELATIONS.replace('pct-applications,pct-applications-cumulative', 'pct-applications,pct-applications-yearly'))
    const error = await loadDataPackage(t.db, broken).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatasetError)
    expect((error as DatasetError).problems).toEqual([
      'indicator-relations.csv row 3, column related_code: no indicator "pct-applications-yearly" in this package',
    ])
    expect(await t.db.selectFrom('indicator').select('code').execute()).toEqual([])
    expect(await stored()).toEqual([])
  })
})
