/**
 * Towns with context in Chromium: actuals entered through the API by stewards (a township editor for its own
 * town, a county editor for the others) show on the town's page beside the county's value, the towns' median
 * ("of N towns with data") and the rank ("第 2 / 3 个有数据的乡镇"), and each station figure likewise; #/indicators
 * shows the towns' reporting matrix with each reported year's status in a word, "未报送" elsewhere. In Chinese and
 * English, axe (WCAG 2 A/AA) clean, no request off 127.0.0.1.
 */
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import { COUNTY, createSteward, OTHER_TOWN, signInHttp, TOWN, type HttpSession } from '../setup/value-entry.ts'

/** 410184109 (龙湖); 观音寺镇 reports nothing. */
const THIRD_TOWN = '410184109'
const SILENT_TOWN = '410184103'
const PATENTS = 'invention-patents-in-force'

describe.runIf(backend === 'pglite')('towns with context, in Chromium', () => {
  let suite: BrowserSuite
  let page: Page

  async function enter(session: HttpSession, region: string, value: number, status: string, note?: string) {
    const response = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({
        query: `mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input, confirmWarnings: true) { saved { value } } }`,
        variables: { input: { indicator: PATENTS, region, year: 2025, value, unit: '件', source: '测试 test', status, note } },
      }),
    })
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined()
  }

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    await createSteward(suite.server.db, 'county-editor', 'editor')
    await createSteward(suite.server.db, 'xincun-editor', 'township-editor', { regions: [TOWN] })
    const county = await signInHttp(suite.server.url, 'county-editor')
    await enter(await signInHttp(suite.server.url, 'xincun-editor'), TOWN, 120, 'FINAL')
    await enter(county, OTHER_TOWN, 80, 'PROVISIONAL')
    await enter(county, THIRD_TOWN, 200, 'REVISED', '更正 corrected')
    await enter(county, COUNTY, 1900, 'FINAL')
  }, 240_000)
  afterAll(() => suite?.close())

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((current === 'en') !== (language === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  async function serious(where: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim()

  it("shows a town's indicator beside the county, the median of the towns with data and its rank, in zh and en", async () => {
    await page.goto(`${suite.server.url}/#/town/${TOWN}`)
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await setLanguage('zh')
    const row = `#town-indicator-context tr[data-indicator="${PATENTS}"]`
    await page.locator(row).waitFor()
    await expect(text(`${row} td:nth-of-type(2)`)).resolves.toBe('120 件 (最终)')
    await expect(text(`${row} .ctx-county`)).resolves.toBe('全市：1,900 件')
    await expect(text(`${row} .ctx-median`)).resolves.toBe('中位数：120 件（3 个有数据的乡镇）')
    await expect(text(`${row} .ctx-rank`)).resolves.toBe('第 2 / 3 个有数据的乡镇')
    await page.locator('.town-context').screenshot({ path: path.join(SCREENSHOTS, 'town-context-zh.png') })
    const found = await serious('town zh')

    await setLanguage('en')
    await expect.poll(() => text(`${row} .ctx-rank`)).toBe('2nd of 3 towns with data')
    await expect(text(`${row} .ctx-median`)).resolves.toBe('Median: 120 件 (of 3 towns with data)')
    await expect(text(`${row} .ctx-county`)).resolves.toBe('County: 1,900 件')
    found.push(...(await serious('town en')))
    expect(found).toEqual([])
  })

  it('shows each station figure in context as the API computes it, and unknown as 无数据', async () => {
    const { data } = await suite.server.query(`query ($code: ID!) { region(code: $code) { figureContexts { metric value rank rankedCount } } }`, { code: TOWN })
    const density = data.region.figureContexts.find((f: any) => f.metric === 'servicePointsPer100Km2')
    const perCapita = data.region.figureContexts.find((f: any) => f.metric === 'servicePointsPer10k')
    await setLanguage('zh')
    await expect
      .poll(() => text('#town-context tr[data-metric="servicePointsPer100Km2"] .ctx-rank'))
      .toBe(`第 ${density.rank} / ${density.rankedCount} 个有数据的乡镇`)
    await expect(text('#town-context tr[data-metric="servicePointsPer100Km2"] .ctx-median')).resolves.toContain(`（${density.rankedCount} 个有数据的乡镇）`)
    if (perCapita.value === null) {
      await expect(text('#town-context tr[data-metric="servicePointsPer10k"] td:nth-of-type(1)')).resolves.toBe('无数据')
      await expect(text('#town-context tr[data-metric="servicePointsPer10k"] .ctx-rank')).resolves.toBe('无数据，不排名')
    }
  })

  it('shows on #/indicators what each town reported, with each status in a word, and "未报送" elsewhere, in zh and en', async () => {
    await page.goto('about:blank')
    await page.goto(`${suite.server.url}/#/indicators`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await setLanguage('zh')
    const row = `#reporting-matrix tr[data-indicator="${PATENTS}"]`
    await page.locator(row).waitFor()
    await expect(text(`${row} td[data-code="${TOWN}"]`)).resolves.toBe('2025 ● 最终')
    await expect(text(`${row} td[data-code="${OTHER_TOWN}"]`)).resolves.toBe('2025 ◐ 暂定')
    await expect(text(`${row} td[data-code="${THIRD_TOWN}"]`)).resolves.toBe('2025 ◆ 修订')
    await expect(text(`${row} td[data-code="${SILENT_TOWN}"]`)).resolves.toBe('未报送')
    await expect(text('#matrix-rule')).resolves.toContain('每万人')
    await expect(page.locator('#reporting-matrix tr[data-indicator="enforcement-on-time-closure-rate"]').count()).resolves.toBe(0)
    await expect(page.locator('#reporting-matrix thead th').count()).resolves.toBe(16)
    // The indicator column stays in view while the table scrolls sideways.
    await expect(page.locator(`${row} th`).evaluate((el) => getComputedStyle(el).position)).resolves.toBe('sticky')
    await page.locator('#reporting-matrix tbody tr').first().scrollIntoViewIfNeeded()
    await page.locator('.matrix-scroll').screenshot({ path: path.join(SCREENSHOTS, 'reporting-matrix-zh.png') })
    const found = await serious('matrix zh')

    await setLanguage('en')
    await expect.poll(() => text(`${row} td[data-code="${SILENT_TOWN}"]`)).toBe('Not reported')
    await expect(text(`${row} td[data-code="${TOWN}"]`)).resolves.toBe('2025 ● Final')
    found.push(...(await serious('matrix en')))
    expect(found).toEqual([])
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
