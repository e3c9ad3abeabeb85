/**
 * The printable briefs in Chromium against the seeded embedded database: after actuals are recorded through
 * the API, the county's brief (#/brief) and 龙湖镇's (#/brief/410184109) print with `page.pdf()` to 1–2 A4
 * pages (pdfinfo) whose text (pdftotext) holds the region's name, its figures as the page shows them and as the
 * API gives them, 示意图 and the document's status, in Chinese and, with the English switch, in English; the
 * app's chrome (header, buttons) is not printed; the brief loads no MapLibre file; axe finds nothing serious;
 * the town page and the indicators page link to the briefs. Requests off 127.0.0.1 are blocked and counted.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'

const LONGHU = '410184109'

/** Recorded before the briefs are opened: one county actual, one of 龙湖镇. */
const ENTRIES = [
  { indicator: 'invention-patents-in-force', year: 2024, value: 1810, unit: '件', status: 'FINAL' },
  { indicator: 'invention-patents-in-force', year: 2025, value: 96, unit: '件', status: 'PROVISIONAL', region: LONGHU },
]

/** All whitespace out (pdftotext lays text out in columns and breaks lines in table cells). */
const squash = (text: string) => text.replace(/\s+/g, '')

describe.runIf(backend === 'pglite')('the printable briefs in Chromium', () => {
  let suite: BrowserSuite | undefined
  let page: Page
  const requested: string[] = []

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    page.on('request', (r) => requested.push(r.url()))
    const editor = (await createToken(suite.server.db, 'browser-brief', 'editor', { purpose: '简报测试' })).token
    for (const input of ENTRIES) {
      const response = await fetch(`${suite.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body: JSON.stringify({
          query: `mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input, confirmWarnings: true) { saved { value } } }`,
          variables: { input: { ...input, source: '浏览器测试 browser test' } },
        }),
      })
      const body = (await response.json()) as { errors?: unknown[] }
      expect(body.errors).toBeUndefined()
    }
  }, 240_000)

  afterAll(() => suite?.close())

  async function open(hash: string): Promise<void> {
    await page.goto('about:blank')
    await page.goto(`${suite!.server.url}/${hash}`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await page.locator('article.brief').waitFor()
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((current === 'en') !== (language === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  /** Prints the page to an A4 PDF (kept beside the screenshots, for a look): its page count and its text. */
  async function printed(name: string): Promise<{ pages: number; text: string }> {
    const file = path.join(SCREENSHOTS, `brief-${name}.pdf`)
    await page.pdf({ path: file, format: 'A4', printBackground: true })
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1])
    return { pages, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) }
  }

  /** What the API says of a region: names, population, its stations (active; active + planned) and its assessment of an indicator. */
  async function fromApi(code: string) {
    const { data } = await suite!.server.query(
      `query ($code: ID!) {
        region(code: $code) { nameZh nameEn population populationYear }
        servicePoints(first: 500) { edges { node { id status region { code } } } }
        indicator(code: "invention-patents-in-force") { displayUnit displayFactor assessment(region: $code) { status latestActual { year value } } }
      }`,
      { code },
    )
    const all = data.servicePoints.edges.map((e: any) => e.node)
    const mine = code.length === 6 ? all : all.filter((s: any) => s.region?.code === code)
    return { ...data, stations: mine, active: mine.filter((s: any) => s.status === 'ACTIVE').length }
  }

  const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText()

  it('prints the county brief to 1–2 A4 pages whose text holds its name, figures, statuses, 示意图 and the document’s status, loading no MapLibre', async () => {
    requested.length = 0
    await open('#/brief')
    await setLanguage('zh')
    const api = await fromApi('410184')
    await expect(page.locator('#page-title').innerText()).resolves.toContain(api.region.nameZh)
    // The figures on the page are the API's.
    expect(squash(await figure('population'))).toContain(`${api.region.population}（${api.region.populationYear}年`)
    await expect(figure('stations-active')).resolves.toBe(String(api.active))
    await expect(figure('stations-all')).resolves.toBe(String(api.stations.length))
    const row = page.locator('.brief-indicators tr[data-code="invention-patents-in-force"]')
    await expect(row.getAttribute('data-status')).resolves.toBe(api.indicator.assessment.status)
    const rowText = await row.innerText()
    expect(rowText).toContain(`${api.indicator.assessment.latestActual.value / api.indicator.displayFactor}${api.indicator.displayUnit}`)
    expect(rowText).toContain('进展有限')
    await expect(page.locator('.brief-stations tbody tr').count()).resolves.toBe(api.stations.length)
    await expect(page.locator('#brief-download').getAttribute('title')).resolves.toContain('另存为 PDF')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'brief-county.png'), fullPage: true })

    const { pages, text } = await printed('county-zh')
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(2)
    const pdf = squash(text)
    expect(pdf).toContain(api.region.nameZh)
    for (const shown of [await figure('population'), await figure('coverage'), rowText, await page.locator('#brief-document-status').innerText()])
      expect(pdf).toContain(squash(shown))
    expect(pdf).toContain('示意图')
    expect(pdf).toContain('征求意见稿')
    // The app's chrome is not printed: the header's navigation and the page's buttons.
    expect(pdf).not.toContain('乡镇对比')
    expect(pdf).not.toContain('下载PDF')
    expect(requested.filter((url) => /maplibre/i.test(url))).toEqual([])
    expect(await page.evaluate(() => 'maplibregl' in window)).toBe(false)
  })

  it('prints 龙湖镇’s brief with its figures beside the county’s, its actual and its stations, in Chinese and in English', async () => {
    requested.length = 0
    await open(`#/brief/${LONGHU}`)
    await setLanguage('zh')
    const api = await fromApi(LONGHU)
    const county = await fromApi('410184')
    // 龙湖镇 (now named 龙湖街道: the page gives its current name, as the API does).
    await expect(page.locator('#page-title').innerText()).resolves.toContain(api.region.nameZh)
    const active = await figure('stations-active')
    expect(active).toContain(String(api.active))
    expect(active).toContain(`全市 ${county.active} 个`)
    expect(await figure('stations-all')).toContain(`全市 ${county.stations.length} 个`)
    const row = page.locator('.brief-indicators tr[data-code="invention-patents-in-force"]')
    await expect(row.getAttribute('data-status')).resolves.toBe(api.indicator.assessment.status)
    expect(await row.innerText()).toContain(`${api.indicator.assessment.latestActual.value}${api.indicator.displayUnit}`)
    const stationNames = await page.$$eval('.brief-stations tbody th', (ths) => ths.map((th) => th.textContent ?? ''))
    expect(stationNames).toHaveLength(api.stations.length)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'brief-longhu.png'), fullPage: true })

    const zh = await printed('longhu-zh')
    expect(zh.pages).toBeGreaterThanOrEqual(1)
    expect(zh.pages).toBeLessThanOrEqual(2)
    const pdf = squash(zh.text)
    expect(pdf).toContain(api.region.nameZh)
    for (const shown of [active, await figure('stations-all'), await figure('population'), await row.innerText(), ...stationNames])
      expect(pdf).toContain(squash(shown))
    expect(pdf).toContain('示意图')

    await setLanguage('en')
    await expect(page.locator('#page-title').innerText()).resolves.toContain(api.region.nameEn)
    const en = await printed('longhu-en')
    expect(en.pages).toBeGreaterThanOrEqual(1)
    expect(en.pages).toBeLessThanOrEqual(2)
    const enPdf = squash(en.text)
    expect(enPdf).toContain(squash(api.region.nameEn))
    expect(enPdf).toContain(squash(await figure('stations-active')))
    expect(enPdf).toContain(squash(await row.innerText()))
    expect(enPdf).toContain('示意图')
    // The town's status in English words, as the page shows it.
    expect(enPdf).toContain(squash(await row.locator('td').first().innerText()))
    expect(requested.filter((url) => /maplibre/i.test(url))).toEqual([])
  })

  it('opens the browser’s print dialog from “下载 PDF”', async () => {
    await open('#/brief')
    await page.evaluate(() => {
      ;(window as any).printCalls = 0
      window.print = () => void ((window as any).printCalls += 1)
    })
    await page.click('#brief-download')
    await expect(page.evaluate(() => (window as any).printCalls)).resolves.toBe(1)
  })

  it('says when the code names no region', async () => {
    await page.goto(`${suite!.server.url}/#/brief/410184999`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await expect(page.locator('#page').innerText()).resolves.toContain('410184999')
  })

  it('is linked from the indicators page and the town page', async () => {
    await page.goto(`${suite!.server.url}/#/indicators`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await expect(page.locator('#indicators-brief').getAttribute('href')).resolves.toBe('#/brief')
    await page.goto(`${suite!.server.url}/#/town/${LONGHU}`)
    await page.waitForSelector(`[data-town-code="${LONGHU}"]`)
    await expect(page.locator('#town-brief').getAttribute('href')).resolves.toBe(`#/brief/${LONGHU}`)
    await page.click('#town-brief')
    await page.locator(`article.brief[data-brief-code="${LONGHU}"]`).waitFor()
  })

  it('has no serious or critical axe violations on the briefs, in both languages', async () => {
    const found: string[] = []
    for (const hash of ['#/brief', `#/brief/${LONGHU}`]) {
      await open(hash)
      for (const language of ['zh', 'en'] as const) {
        await setLanguage(language)
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
        for (const v of result.violations)
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${language} ${hash}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
      }
    }
    expect(found).toEqual([])
  }, 180_000)

  it('made no external request and logged no console error', () => {
    expect(suite!.external).toEqual([])
    expect(suite!.errors).toEqual([])
  })
})
