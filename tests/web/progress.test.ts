/**
 * The progress engine on #/indicators in Chromium: before anything is reported the summary says so in words;
 * once actuals are entered through the API (as a steward's form sends them, in the plan's units) the summary
 * counts each status, names the indicators that need to speed up and what is overdue, and every card states its
 * status and the reason in Chinese and in English. axe (WCAG 2 A/AA) finds nothing serious in either language,
 * and no request leaves 127.0.0.1.
 */
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'

/** One actual per status the engine can give from the plan's figures (NO_DATA is every other indicator). */
const ENTRIES = [
  // 1775 → 2000: 1.97 %/yr against 4.06 %/yr, ratio 0.49.
  { indicator: 'invention-patents-in-force', year: 2024, value: 1810, unit: '件', status: 'FINAL', expect: 'LIMITED_PROGRESS' },
  // 31453 → 35000: 3.65 %/yr against 3.63 %/yr.
  { indicator: 'trademarks-in-force', year: 2024, value: 32600, unit: '件', status: 'PROVISIONAL', expect: 'ON_TRACK' },
  // 0.575 → 1 亿: 14.2 %/yr against 20.3 %/yr.
  { indicator: 'ip-pledge-financing', year: 2025, value: 0.75, unit: '亿元', status: 'PROVISIONAL', expect: 'ACCELERATION_NEEDED' },
  { indicator: 'high-value-invention-patents-per-10k', year: 2025, value: 3.0, unit: '件', status: 'PROVISIONAL', expect: 'DETERIORATION' },
  { indicator: 'provincial-high-value-patent-centres', year: 2025, value: 1, unit: '个', status: 'FINAL', expect: 'ACHIEVED' },
  { indicator: 'publicity-events', year: 2025, value: 12, unit: '场次', status: 'FINAL', expect: 'NOT_ASSESSABLE' },
] as const

const WORDS = {
  zh: {
    ACHIEVED: '已实现目标',
    ON_TRACK: '进度正常',
    ACCELERATION_NEEDED: '需要加快',
    LIMITED_PROGRESS: '进展有限',
    DETERIORATION: '出现倒退',
    NO_DATA: '无数据',
    NOT_ASSESSABLE: '无法评估',
  },
  en: {
    ACHIEVED: 'Achieved',
    ON_TRACK: 'On track',
    ACCELERATION_NEEDED: 'Acceleration needed',
    LIMITED_PROGRESS: 'Limited progress',
    DETERIORATION: 'Deterioration',
    NO_DATA: 'No data',
    NOT_ASSESSABLE: 'Not assessable',
  },
} as const

describe.runIf(backend === 'pglite')('the progress summary and each card’s status on #/indicators', () => {
  let suite: BrowserSuite
  let page: Page
  let editor: string
  let indicatorCount: number

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    editor = (await createToken(suite.server.db, 'browser-progress', 'editor', { purpose: '市场监管局统计' })).token
    indicatorCount = (await suite.server.query('{ indicators { code } }')).data.indicators.length
  }, 240_000)
  afterAll(() => suite?.close())

  async function seriousViolations(where: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
    await page.locator('.indicator-summary').waitFor()
  }

  async function openIndicators(): Promise<void> {
    // A fresh load (not a hash change): the app asks the server again.
    await page.goto('about:blank')
    await page.goto(`${suite.server.url}/#/indicators`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await page.locator('.indicator-summary').waitFor()
  }

  const text = (selector: string) => page.locator(selector).first().innerText()
  const card = (code: string) => `article#ind-${code}`

  it('says first, in words, that nothing is reported yet, in both languages', async () => {
    await openIndicators()
    await setLanguage('zh')
    // The summary comes before the first category.
    expect(await page.evaluate(() => document.querySelector('.indicator-summary + nav, .indicator-summary ~ section.category') !== null)).toBe(true)
    await expect(text('.summary-lead')).resolves.toBe(`尚未上报任何实际值：全部 ${indicatorCount} 项指标均为“无数据”，目前无法判断是否按计划推进。`)
    await expect(text('.summary-status tr[data-status="NO_DATA"] td')).resolves.toBe(String(indicatorCount))
    await expect(text('.summary-behind-none')).resolves.toContain('尚无实际值')
    await expect(page.locator('article.indicator .badge.no-data').count()).resolves.toBe(indicatorCount)
    await expect(text(`${card('mediation-cases')} .assessment`)).resolves.toBe('进展评估：无数据。尚无实际值，无法评估进度。')
    const found = await seriousViolations('zh, nothing reported')

    await setLanguage('en')
    await expect(text('.summary-lead')).resolves.toBe(
      `Nothing has been reported yet: none of the ${indicatorCount} indicators has an actual value, so none can be judged on track or behind.`,
    )
    await expect(text(`${card('mediation-cases')} .assessment`)).resolves.toBe('Assessment: No data. No actual value yet: progress cannot be judged.')
    found.push(...(await seriousViolations('en, nothing reported')))
    expect(found).toEqual([])
  })

  it('counts each status, names what needs to speed up and what is overdue, once actuals are entered through the API', async () => {
    for (const { indicator, year, value, unit, status } of ENTRIES) {
      const input = { indicator, year, value, unit, status }
      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body: JSON.stringify({
          query: `mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input, confirmWarnings: true) { saved { value } } }`,
          variables: { input: { ...input, source: '浏览器测试 browser test' } },
        }),
      })
      const body = (await response.json()) as { errors?: unknown[] }
      expect(body.errors, input.indicator).toBeUndefined()
    }
    await openIndicators()
    await setLanguage('zh')
    await expect(text('.summary-lead')).resolves.toBe(`${indicatorCount} 项指标中，6 项已有实际值，${indicatorCount - 6} 项尚无数据。`)
    for (const status of ['ACHIEVED', 'ON_TRACK', 'ACCELERATION_NEEDED', 'LIMITED_PROGRESS', 'DETERIORATION', 'NOT_ASSESSABLE'] as const) {
      await expect(text(`.summary-status tr[data-status="${status}"] td`), status).resolves.toBe('1')
      await expect(text(`.summary-status tr[data-status="${status}"] th`), status).resolves.toContain(WORDS.zh[status])
    }
    await expect(text('.summary-status tr[data-status="NO_DATA"] td')).resolves.toBe(String(indicatorCount - 6))
    // Most concerning first: deterioration, limited progress, acceleration needed.
    await expect(page.locator('.summary-behind li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.code))).resolves.toEqual([
      'high-value-invention-patents-per-10k',
      'invention-patents-in-force',
      'ip-pledge-financing',
    ])
    await expect(text('.summary-behind li[data-code="invention-patents-in-force"]')).resolves.toBe('◆ 进展有限 有效发明专利拥有量')
    // By the server's clock (December 2026) 2025 has passed: its invention patents are overdue, 2024 (reported) is not.
    await expect(text('.summary-overdue li[data-code="invention-patents-in-force"]')).resolves.toMatch(/^有效发明专利拥有量（2025(、\d{4})*年）$/)
    await expect(text('.summary-years tr[data-year="2024"] td')).resolves.toBe('2')

    for (const entry of ENTRIES) {
      await expect(page.locator(`${card(entry.indicator)} h4 .badge`).getAttribute('data-status'), entry.indicator).resolves.toBe(entry.expect)
      await expect(text(`${card(entry.indicator)} h4 .badge`), entry.indicator).resolves.toContain(WORDS.zh[entry.expect])
    }
    await expect(text(`${card('invention-patents-in-force')} .assessment`)).resolves.toBe(
      '进展评估：进展有限。自基数（2023年 1775件）至2024年（1810件），年均增长 1.97%；要在2026年达到目标（2000件），需年均增长 4.06%；二者之比 0.49。' +
        '此后剩余 2 年需年均增长 5.12%。按当前速度，2030年达到目标。达到方案2024年节点（1800件）。',
    )
    await expect(text(`${card('provincial-high-value-patent-centres')} .assessment`)).resolves.toContain('2025年实际值 1个 已达到目标（1个）。')
    await expect(text(`${card('publicity-events')} .assessment`)).resolves.toContain('2025年实际值 12场次，在目标范围（10–15场次）内。')
    await page.locator('.indicator-summary').screenshot({ path: path.join(SCREENSHOTS, 'indicator-summary.png') })
    await page.locator(card('invention-patents-in-force')).screenshot({ path: path.join(SCREENSHOTS, 'indicator-assessment.png') })
    // A name in the list leads to its card.
    await page.click('.summary-behind li[data-code="ip-pledge-financing"] a')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ind-ip-pledge-financing-title')
    const found = await seriousViolations('zh, reported')

    await setLanguage('en')
    await expect(text('.summary-lead')).resolves.toBe(`Of the ${indicatorCount} indicators, 6 have an actual value and ${indicatorCount - 6} have none yet.`)
    for (const entry of ENTRIES) await expect(text(`${card(entry.indicator)} h4 .badge`), entry.indicator).resolves.toContain(WORDS.en[entry.expect])
    await expect(text('.summary-status tr[data-status="DETERIORATION"] th')).resolves.toBe('▼ Deterioration')
    await expect(text(`${card('invention-patents-in-force')} .assessment`)).resolves.toBe(
      'Assessment: Limited progress. From the baseline (1,775 items, 2023) to 2024 (1,810 items): growth of 1.97% a year; ' +
        'reaching the target (2,000 items) by 2026 needs growth of 4.06% a year; ratio 0.49. In the 2 year(s) left it needs growth of 5.12% a year. ' +
        "At the current pace the target is reached in 2030. It meets the plan's 2024 milestone (1,800 items).",
    )
    await expect(text('.summary-overdue li[data-code="invention-patents-in-force"]')).resolves.toMatch(/^Invention patents in force \(2025(, \d{4})*\)$/)
    found.push(...(await seriousViolations('en, reported')))
    expect(found).toEqual([])
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
