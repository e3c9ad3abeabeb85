/**
 * The data's own notes in the page's language, in Chromium against the seeded embedded database: the
 * Chinese pages that show notes (a town page with its population note and its stations' facts, #/indicators,
 * #/data, a GI page) show no English data note, and the English pages show the English ones. The English
 * notes are read from the database, not written here.
 */
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import type { TestServer } from '../setup/server.ts'
import { openInLanguage, type Lang } from '../setup/open-in-language.ts'

const TOWN = '410184101'
const GI = 'xinzheng-jujube'

describe.runIf(backend === 'pglite')('data notes in the chosen language, in Chromium', () => {
  let server: TestServer
  let page: Page
  let suite: BrowserSuite | undefined
  let englishNotes: string[] = []

  beforeAll(async () => {
    suite = await openBrowserSuite()
    ;({ server, page } = suite)
    const { rows } = await sql<{ note: string }>`
      select note from region where note is not null union select population_note from region where population_note is not null
      union select note from indicator where note is not null union select note from indicator_value where note is not null
      union select note from gi_product where note is not null union select note from gi_product_region where note is not null
      union select note from service_point where note is not null union select note from department where note is not null`.execute(server.db)
    englishNotes = rows.map((r) => r.note)
  })

  afterAll(() => suite?.close())

  const open = (hash: string, lang: Lang) => openInLanguage(page, server.url, hash, lang)

  const PAGES = [`#/town/${TOWN}`, '#/indicators', '#/data', `#/gi/${GI}`]

  it('reads a few dozen English notes from the database to compare against', () => {
    expect(englishNotes.length).toBeGreaterThan(30)
  })

  for (const hash of PAGES) {
    it(`shows no English data note on the Chinese ${hash}`, async () => {
      const text = await open(hash, 'zh')
      expect(englishNotes.filter((n) => text.includes(n))).toEqual([])
      expect(text).not.toContain('（英文）')
    }, 180_000)
  }

  it("shows the town's population note and its stations' notes in Chinese, and in English in the English UI", async () => {
    const town = await server.db.selectFrom('region').select(['population_note', 'population_note_zh']).where('code', '=', TOWN).executeTakeFirstOrThrow()
    const station = await server.db.selectFrom('service_point').select(['note', 'note_zh']).where('id', '=', `ip-service-${TOWN}`).executeTakeFirstOrThrow()
    const zh = await open(`#/town/${TOWN}`, 'zh')
    expect(zh).toContain(town.population_note_zh)
    expect(zh).toContain(station.note_zh)
    const en = await open(`#/town/${TOWN}`, 'en')
    expect(en).toContain(town.population_note)
    expect(en).toContain(station.note)
    expect(en).not.toContain(town.population_note_zh)
  }, 240_000)

  it("shows the indicators' and the GI product's English notes in the English UI", async () => {
    const indicatorNotes = (await server.db.selectFrom('indicator').select('note').where('note', 'is not', null).execute()).map((r) => r.note!)
    const en = await open('#/indicators', 'en')
    expect(indicatorNotes.filter((n) => !en.includes(n))).toEqual([])
    const gi = await server.db.selectFrom('gi_product').select(['note', 'note_zh']).where('code', '=', GI).executeTakeFirstOrThrow()
    expect(await open(`#/gi/${GI}`, 'en')).toContain(gi.note)
    expect(await open(`#/gi/${GI}`, 'zh')).toContain(gi.note_zh)
  }, 300_000)
})
