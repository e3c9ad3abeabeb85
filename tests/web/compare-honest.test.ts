/**
 * #/compare tells the truth about its figures, in Chromium against the seeded embedded database: it
 * opens on a metric every town has, says how many towns have a value, labels the reference line with
 * how many towns it averages, draws the county as a whole as its own line (with its source), names
 * the ranking metric, warns when fewer than half the towns have a value, and ranks per-capita figures
 * only between populations of the same year and kind. axe (WCAG 2 A/AA) in both languages.
 * Requests off 127.0.0.1 are blocked and counted.
 */
import { readFileSync } from 'node:fs'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'

/** Three towns given populations of one year and kind (2020 resident) for the per-capita rule. */
const SAME = { '410184001': 80_000, '410184002': 60_000, '410184003': 50_000 }

describe.runIf(backend === 'pglite')('#/compare in context, in Chromium', () => {
  let suite: BrowserSuite
  let page: Page

  beforeAll(async () => {
    suite = await openBrowserSuite({ context: { acceptDownloads: true } })
    page = suite.page
  }, 240_000)
  afterAll(() => suite?.close())

  async function open(hash: string): Promise<void> {
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    const url = `${suite.server.url}/${hash}`
    // The same address again is no navigation: load the app afresh (its cache goes with it).
    if (page.url() === url) await page.reload()
    else await page.goto(url)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  const text = async (selector: string) => (await page.locator(selector).textContent())?.trim() ?? ''

  async function figures(codes: string[]) {
    const { data } = await suite.server.query(
      `query ($codes: [ID!]!) { compareRegions(codes: $codes) { region { code } population servicePointCount servicePointsPer10k servicePointsPer100Km2 } }`,
      { codes },
    )
    return data.compareRegions as any[]
  }

  async function townCodes(): Promise<string[]> {
    const { data } = await suite.server.query('{ regions { code level inCountyStatistics } }')
    return data.regions.filter((r: any) => r.inCountyStatistics && r.level !== 'COUNTY').map((r: any) => r.code)
  }

  it('opens on a metric every town has, with the count, the labelled reference line, the county-wide line and the named ranking', async () => {
    await open('#/compare')
    await expect(page.locator('#compare-metric').inputValue()).resolves.toBe('servicePointsPer100Km2')
    const towns = await townCodes()
    expect(towns).toHaveLength(15)
    await expect(text('#compare-with-value')).resolves.toContain(`15 / 15 个乡镇有`)
    await expect(page.locator('#compare-few-warning').count()).resolves.toBe(0)
    // The reference line says what it averages.
    const rows = await figures(towns)
    const mean = rows.reduce((s, r) => s + r.servicePointsPer100Km2, 0) / rows.length
    await expect(text('.bar-chart .reference-label')).resolves.toBe(`有数据的 15 个乡镇的平均值 ${Number(mean.toFixed(2))}`)
    // The county as a whole, from its own row: every station of the county over its area.
    const [county] = await figures(['410184'])
    await expect(text('.bar-chart .county-label')).resolves.toBe(`全市整体 ${Number(county.servicePointsPer100Km2.toFixed(2))}`)
    const unassigned = county.servicePointCount - rows.reduce((s, r) => s + r.servicePointCount, 0)
    expect(unassigned).toBeGreaterThan(0)
    await expect(text('#compare-county-source')).resolves.toContain(
      `全市全部 ${county.servicePointCount} 个服务站点（含 ${unassigned} 个未归入任何乡镇的站点）`,
    )
    // What "排名" ranks by is on the screen, in the column and in words.
    await expect(text('#compare-table thead th:first-child')).resolves.toContain('按 5 公里覆盖率排名')
    await expect(text('#compare-ranking-metric')).resolves.toContain('按 5 公里覆盖率（在用 + 规划站点）排名')
    // Each figure beside the county's value and the towns' median.
    await expect(text('#compare-context tr[data-metric="servicePointsPer10k"] td:nth-of-type(1)')).resolves.toBe('4 / 15')
    await expect(page.locator('#compare-positions tbody tr').count()).resolves.toBe(15)
    await expect(text('#compare-positions tbody tr:first-child td:last-child')).resolves.toMatch(/^第 1 \/ 15 个有数据的乡镇$/)
  })

  it('warns when fewer than half the towns have a value, and ranks no per-capita figure of mixed-year populations', async () => {
    await open('#/compare?metric=servicePointsPer10k')
    await expect(text('#compare-with-value')).resolves.toContain('4 / 15 个乡镇有')
    await expect(text('#compare-few-warning')).resolves.toContain('不到一半的乡镇有这项数据')
    // The seed's four populations are of 2005, 2017, 2018 and 2020 and of different kinds: none is ranked or averaged.
    await expect(text('#compare-per-capita-rule')).resolves.toContain('没有两个乡镇的人口属于同一年份和已知口径')
    await expect(page.locator('.bar-chart .reference-label').count()).resolves.toBe(0)
    await expect(page.locator('#compare-positions tbody tr[data-rank]:not([data-rank=""])').count()).resolves.toBe(0)
    await expect(page.locator('#compare-positions tbody td', { hasText: '不参与排名' }).count()).resolves.toBe(4)
    // The county-wide rate: all the county's stations over its 2020 census population, with the source shown.
    const [county] = await figures(['410184'])
    expect(county.population).toBe(1172237)
    const rate = Number(county.servicePointsPer10k.toFixed(2))
    await expect(text('.bar-chart .county-label')).resolves.toBe(`全市整体 ${rate}`)
    const source = await text('#compare-county-source')
    expect(source).toContain('2020 年常住人口 1172237 人')
    // The population's source, in the page's language (its Chinese version, read from the database).
    const county410184 = await suite.server.db.selectFrom('region').select('population_source_zh').where('code', '=', '410184').executeTakeFirstOrThrow()
    expect(county410184.population_source_zh).toContain('2020年第七次全国人口普查')
    expect(source).toContain(county410184.population_source_zh!)
    expect(source).toContain(`= ${rate}`)
  })

  it('ranks per-capita figures only between populations of the same year and kind, the others shown and marked', async () => {
    for (const [code, population] of Object.entries(SAME)) {
      await suite.server.db
        .updateTable('region')
        .set({ population, population_year: 2020, population_kind: 'RESIDENT', population_source: 'test: a 2020 resident count' })
        .where('code', '=', code)
        .execute()
    }
    suite.server.app.cache.clear()
    suite.server.app.memo.clear()
    await open('#/compare?metric=servicePointsPer10k')
    await expect(text('#compare-with-value')).resolves.toContain('7 / 15 个乡镇有')
    await expect(page.locator('#compare-few-warning').count()).resolves.toBe(1)
    await expect(text('#compare-per-capita-rule')).resolves.toContain('参与排名的是人口为 2020 年常住人口的 3 个乡镇；其余 4 个乡镇')
    const rows = await figures(Object.keys(SAME))
    const ranked = [...rows].sort((a, b) => b.servicePointsPer10k - a.servicePointsPer10k)
    const positions = await page.$$eval('#compare-positions tbody tr', (trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.code, (tr as HTMLElement).dataset.rank, tr.lastElementChild!.textContent]),
    )
    const rankedShown = positions.filter(([, rank]) => rank !== '')
    expect(rankedShown.map(([code]) => code).sort()).toEqual(Object.keys(SAME).sort())
    for (const [code, rank, words] of rankedShown) {
      const expected = ranked.findIndex((r) => r.region.code === code) + 1
      // Equal rates share a rank.
      const tied = ranked.findIndex((r) => r.servicePointsPer10k === ranked[expected - 1].servicePointsPer10k) + 1
      expect(Number(rank)).toBe(tied)
      expect(words).toBe(`第 ${tied} / 3 个同口径人口的乡镇`)
    }
    // The four of other years and kinds: shown, marked, not ranked (mixed-year populations).
    const others = positions.filter(([, rank]) => rank === '').filter(([, , words]) => words!.startsWith('不参与排名'))
    expect(others.map(([code]) => code).sort()).toEqual(['410184103', '410184106', '410184107', '410184402'])
    expect(others.find(([code]) => code === '410184106')![2]).toBe('不参与排名：人口为 2005 年，口径未说明')
    expect(others.find(([code]) => code === '410184107')![2]).toBe('不参与排名：人口为 2018 年，户籍人口')
    await expect(page.locator('#compare-table tbody td[data-ranked="false"]').count()).resolves.toBe(4)
    await expect(page.locator('.bar-chart rect[data-ranked="false"]').count()).resolves.toBe(4)
    // The reference line averages the three of the same year and kind, and says so.
    const mean = rows.reduce((s, r) => s + r.servicePointsPer10k, 0) / 3
    await expect(text('.bar-chart .reference-label')).resolves.toBe(`2020 年常住人口的 3 个乡镇的平均值 ${Number(mean.toFixed(2))}`)
  })

  it('downloads what the screen shows: coverage as percentages, the unit in the header', async () => {
    await open('#/compare?codes=410184001,410184109&metric=coverageShare')
    const shown = await page.$$eval('#compare-table tbody tr', (trs) =>
      Object.fromEntries(trs.map((tr) => [(tr as HTMLElement).dataset.code, (tr.children[9] as HTMLElement).textContent])),
    )
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-download')])
    const csv = readFileSync(await download.path(), 'utf8')
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    const columns = header.split(',')
    const coverage = columns.indexOf('5 公里覆盖率（%，在用 + 规划站点）')
    expect(coverage).toBeGreaterThan(0)
    expect(columns).toContain('5 公里覆盖率（%，仅在用站点）')
    expect(columns).toContain('按 5 公里覆盖率排名')
    expect(columns[2]).toBe('人口（人）')
    for (const line of lines) {
      const cells = line.split(',')
      expect(`${cells[coverage]}%`).toBe(shown[cells[0]])
    }
  })

  it('has no serious or critical axe violations on #/compare in zh and en', async () => {
    const found: string[] = []
    await open('#/compare?metric=servicePointsPer10k&radius=4')
    for (const language of ['zh', 'en'] as const) {
      if ((language === 'en') !== ((await page.evaluate(() => document.documentElement.lang)) === 'en')) {
        await page.click('#lang-button')
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
      }
      await expect.poll(() => text('#compare-with-value')).toContain(language === 'en' ? '7 of 15 towns have a value' : '7 / 15 个乡镇有')
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        found.push(`${language}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
    }
    expect(found).toEqual([])
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
