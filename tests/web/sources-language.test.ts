/**
 * The data's sources in the page's language, in Chromium against the seeded embedded database: the Chinese
 * pages that show sources (#/indicators, #/data, a town page with a station's popup, a GI page) show no
 * source whose locators or remarks are English, and the English #/indicators shows the sources as written.
 * The sources are read from the database, not written here.
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

describe.runIf(backend === 'pglite')('sources in the chosen language, in Chromium', () => {
  let server: TestServer
  let page: Page
  let suite: BrowserSuite | undefined
  /** Sources with English in them: those that have a Chinese version, and the English halves of the package's source titles. */
  let englishSources: string[] = []

  beforeAll(async () => {
    suite = await openBrowserSuite()
    ;({ server, page } = suite)
    const { rows } = await sql<{ source: string }>`
      select source from region where source_zh is not null union select population_source from region where population_source_zh is not null
      union select seat_source from region where seat_source_zh is not null union select source from region_name where source_zh is not null
      union select source from indicator where source_zh is not null union select source from indicator_value where source_zh is not null
      union select source from indicator_relation where source_zh is not null union select source from gi_product_region where source_zh is not null
      union select source from service_point where source_zh is not null union select source from task where source_zh is not null
      union select source from task_indicator where source_zh is not null
      union select split_part(s->>'title', ' · ', 2) from dataset, jsonb_array_elements(sources) s where s->>'title' like '% · %'`.execute(server.db)
    englishSources = rows.map((r) => r.source)
  })

  afterAll(() => suite?.close())

  const open = (hash: string, lang: Lang) => openInLanguage(page, server.url, hash, lang)

  it('reads the English-carrying sources from the database to compare against', () => {
    expect(englishSources.length).toBeGreaterThan(60)
  })

  for (const hash of ['#/indicators', '#/data', `#/town/${TOWN}`, `#/gi/${GI}`]) {
    it(`shows no English-carrying source on the Chinese ${hash}`, async () => {
      const text = await open(hash, 'zh')
      expect(englishSources.filter((s) => text.includes(s))).toEqual([])
    }, 180_000)
  }

  it("shows the indicators' sources as written in the English UI and their Chinese versions in the Chinese UI", async () => {
    const indicators = await server.db.selectFrom('indicator').select(['source', 'source_zh']).where('county_code', '=', '410184').execute()
    const en = await open('#/indicators', 'en')
    expect(indicators.filter((i) => !en.includes(i.source)).map((i) => i.source)).toEqual([])
    const zh = await open('#/indicators', 'zh')
    expect(indicators.filter((i) => !zh.includes(i.source_zh ?? i.source)).map((i) => i.source_zh ?? i.source)).toEqual([])
  }, 240_000)

  it("shows a town's population source in Chinese on the Chinese town page and as written on the English one", async () => {
    const code = '410184103'
    const town = await server.db.selectFrom('region').select(['population_source', 'population_source_zh']).where('code', '=', code).executeTakeFirstOrThrow()
    expect(town.population_source_zh).not.toBeNull()
    const zh = await open(`#/town/${code}`, 'zh')
    expect(zh).toContain(town.population_source_zh)
    expect(zh).not.toContain(town.population_source)
    const en = await open(`#/town/${code}`, 'en')
    expect(en).toContain(town.population_source)
  }, 240_000)
})
