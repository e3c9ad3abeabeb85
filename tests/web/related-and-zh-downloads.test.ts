/**
 * In Chromium against the seeded embedded database: #/indicators shows each card's related series (相关序列 /
 * Related series), linked to the other card, with the note in the page's language and its source; #/data offers
 * each CSV also with Chinese headers (CSV（中文表头）), whose links answer with the Chinese file. Axe in both languages.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import type { TestServer } from '../setup/server.ts'

describe.runIf(backend === 'pglite')('related series and Chinese CSV links in Chromium', () => {
  let suite: BrowserSuite | undefined
  let server: TestServer
  let page: Page
  let external: string[] = []

  beforeAll(async () => {
    suite = await openBrowserSuite()
    ;({ server, page, external } = suite)
  })

  afterAll(() => suite?.close())

  async function open(hash: string): Promise<void> {
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    await page.goto(`${server.url}/${hash}`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((current === 'en') !== (language === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  async function seriousAxe(): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  const RELATED = '{ indicators { code nameZh nameEn related { indicator { code nameZh nameEn } note noteZh source sourceZh } } }'

  it('shows on both cards of each pair a related-series line linking the other card, with the Chinese note, then the English one', async () => {
    const { data } = await server.query(RELATED)
    const pairs = data.indicators.filter((i: any) => i.related.length)
    expect(pairs.map((i: any) => i.code)).toEqual(['pct-applications', 'pct-applications-cumulative', 'ip-pledge-financing', 'ip-pledge-loans'])
    await open('#/indicators')
    await setLanguage('zh')
    for (const language of ['zh', 'en'] as const) {
      await setLanguage(language)
      for (const i of pairs) {
        const [r] = i.related
        const line = page.locator(`#ind-${i.code}-related [data-related="${r.indicator.code}"]`)
        const text = await line.innerText()
        expect(text).toContain(language === 'zh' ? '相关序列' : 'Related series')
        expect(text).toContain(language === 'zh' ? r.noteZh : r.note)
        expect(text).not.toContain(language === 'zh' ? r.note : r.noteZh)
        expect(text).toContain(language === 'zh' ? (r.sourceZh ?? r.source) : r.source)
        await expect(line.locator('a').innerText()).resolves.toBe(language === 'zh' ? r.indicator.nameZh : r.indicator.nameEn)
      }
      expect(await seriousAxe(), `#/indicators ${language}`).toEqual([])
    }
    // The link goes to the other card and moves the focus to its title (the route stays #/indicators).
    await page.locator('#ind-ip-pledge-financing-related a').click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ind-ip-pledge-loans-title')
    expect(await page.evaluate(() => location.hash)).toBe('#/indicators')
    // An indicator without a related series has no such line.
    await expect(page.locator('#ind-invention-patents-in-force-related').count()).resolves.toBe(0)
    await setLanguage('zh')
  })

  it('offers every CSV on #/data also as CSV（中文表头）, each link answering with Chinese headers', async () => {
    await open('#/data')
    const pkg = (await (await fetch(`${server.url}/data/datapackage.json`)).json()) as { resources: { name: string; path: string; format: string }[] }
    const csvs = pkg.resources.filter((r) => r.format === 'csv')
    for (const r of csvs) {
      const link = page.locator(`a[data-resource-zh="${r.name}"]`)
      await expect(link.innerText(), r.name).resolves.toContain('CSV（中文表头）')
      const href = (await link.getAttribute('href'))!
      expect(href).toBe(`/data/${r.path}?lang=zh`)
      const text = await (await fetch(`${server.url}${href}`)).text()
      expect(text.replace(/^\uFEFF/, '').split('\r\n')[0], href).toMatch(/\p{Script=Han}/u)
    }
    await expect(page.locator('#page').innerText()).resolves.toContain('导入时请用机读版 CSV')
    await setLanguage('en')
    await expect(page.locator(`a[data-resource-zh="regions"]`).innerText()).resolves.toContain('CSV (Chinese headers)')
    expect(await seriousAxe(), '#/data en').toEqual([])
    await setLanguage('zh')
    expect(await seriousAxe(), '#/data zh').toEqual([])
    expect(external).toEqual([])
  })
})
