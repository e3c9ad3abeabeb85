/**
 * The leaders' pages in Chromium (#/compare, #/indicators, #/plan) against the seeded embedded
 * database: figures equal the API's, sorting and the address, the CSV download, every figure of the
 * plan, the filter by responsible body, and axe (WCAG 2 A/AA) on every page (#/data and #/history too) in both languages.
 * Requests off 127.0.0.1 are blocked and counted. One browser for the whole file.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import type { TestServer } from '../setup/server.ts'

const THREE = ['410184001', '410184109', '410184402']

describe.runIf(backend === 'pglite')("the leaders' pages in Chromium", () => {
  let server: TestServer
  let context: BrowserContext
  let page: Page
  let external: string[] = []
  let errors: string[] = []

  let suite: BrowserSuite | undefined

  beforeAll(async () => {
    suite = await openBrowserSuite({ context: { acceptDownloads: true } })
    ;({ server, context, page, external, errors } = suite)
  })

  afterAll(() => suite?.close())

  /** Opens a hash and waits for the page to draw its data. */
  async function open(hash: string): Promise<void> {
    // A hash-only change is a same-document navigation: forget the previous page's readiness first.
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    await page.goto(`${server.url}/${hash}`)
    await pageReady()
  }

  async function pageReady(): Promise<void> {
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  async function compared(radius: number) {
    const { data } = await server.query(
      `query ($codes: [ID!]!, $r: Float!) { compareRegions(codes: $codes, coverageRadiusKm: $r) {
        region { code } population populationYear areaKm2 servicePointCount servicePointsPer10k servicePointsPer100Km2 giProductCount coverageShare rank } }`,
      { codes: THREE, r: radius },
    )
    return data.compareRegions as any[]
  }

  /** The table's figures by town code (from data-value, the unrounded numbers). */
  async function tableRows(): Promise<Record<string, Record<string, string>>> {
    return page.$$eval('#compare-table tbody tr', (trs) =>
      Object.fromEntries(
        trs.map((tr) => {
          const cells = [...tr.children] as HTMLElement[]
          return [
            (tr as HTMLElement).dataset.code!,
            {
              rank: cells[0].textContent,
              population: cells[2].dataset.value!,
              populationText: cells[2].textContent,
              area: cells[3].dataset.value!,
              points: cells[4].dataset.value!,
              per10k: cells[6].dataset.value!,
              per100: cells[7].dataset.value!,
              gi: cells[8].dataset.value!,
              coverage: cells[9].dataset.value!,
              coverageText: cells[9].textContent,
            },
          ]
        }),
      ),
    )
  }

  const asText = (v: number | null) => (v === null ? '' : String(v))

  it('compares three towns: one row each, with the figures compareRegions gives for the same radius', async () => {
    await open(`#/compare?codes=${THREE.join(',')}`)
    const api = await compared(5)
    const rows = await tableRows()
    expect(Object.keys(rows).sort()).toEqual([...THREE].sort())
    for (const r of api) {
      const row = rows[r.region.code]
      expect(row.rank).toBe(String(r.rank))
      expect(row.population).toBe(asText(r.population))
      if (r.population !== null) expect(row.populationText).toContain(String(r.populationYear))
      else expect(row.populationText).toBe('—')
      expect(row.area).toBe(asText(r.areaKm2))
      expect(row.points).toBe(String(r.servicePointCount))
      expect(row.per10k).toBe(asText(r.servicePointsPer10k))
      expect(row.per100).toBe(asText(r.servicePointsPer100Km2))
      expect(row.gi).toBe(String(r.giProductCount))
      expect(row.coverage).toBe(asText(r.coverageShare))
      expect(row.coverageText).toBe(r.coverageShare === null ? '—' : `${(r.coverageShare * 100).toFixed(1)}%`)
    }
    // The chart has a bar or a "—" for each town, the average of the towns with a value (saying how many) and the county as a whole.
    await expect(page.locator('.bar-chart text').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^有数据的 15 个乡镇的平均值/), expect.stringMatching(/^全市整体/)]),
    )
    await expect(page.locator('h2#page-title').textContent()).resolves.toBe('乡镇对比')
    // The small schematic map outlines the chosen towns.
    await expect(page.locator('.small-map path[stroke="#0b1f4d"]').count()).resolves.toBeGreaterThanOrEqual(3)
    await expect(page.locator('.small-map figcaption').textContent()).resolves.toContain('边界为近似')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'compare.png'), fullPage: true })
  })

  it('sorts by a header (mouse and keyboard) and sets aria-sort', async () => {
    await page.click('#compare-table th button[data-sort="servicePointCount"]')
    await pageReady()
    const header = page.locator('#compare-table th:has(button[data-sort="servicePointCount"])')
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending')
    await expect(page.locator('#compare-table th[aria-sort]').count()).resolves.toBe(1)
    const counts = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => Number((tr.children[4] as HTMLElement).dataset.value)))
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    // The focus stays on the header's button; Enter flips the order.
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.sort)).resolves.toBe('servicePointCount')
    await page.keyboard.press('Enter')
    await pageReady()
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending')
    expect(page.url()).toContain('sort=servicePointCount&dir=asc')
  })

  it('re-queries coverage when the radius changes, and the address round-trips the state', async () => {
    const before = await tableRows()
    await page.selectOption('#compare-radius', '1')
    await page.waitForFunction(() => document.querySelector('#compare-table caption')?.textContent?.includes('1 公里'))
    await pageReady()
    const after = await tableRows()
    const api = await compared(1)
    for (const r of api) expect(after[r.region.code].coverage).toBe(asText(r.coverageShare))
    expect(THREE.some((c) => after[c].coverage !== before[c].coverage)).toBe(true)
    await page.selectOption('#compare-metric', 'coverageShare')
    await pageReady()

    const url = page.url()
    expect(url).toContain('radius=1')
    expect(url).toContain('metric=coverageShare')
    const again = await context.newPage()
    await again.goto(url)
    await again.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await expect(again.locator('#compare-radius').inputValue()).resolves.toBe('1')
    await expect(again.locator('#compare-metric').inputValue()).resolves.toBe('coverageShare')
    await expect(again.locator('#compare-table th[aria-sort]').getAttribute('aria-sort')).resolves.toBe('ascending')
    const checked = await again.$$eval('.town-list input:checked', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(checked.sort()).toEqual([...THREE].sort())
    expect(await again.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code))).toEqual(
      await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code)),
    )
    await again.close()
  })

  it('downloads the table as CSV with a byte-order mark and the table’s rows', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#compare-download')])
    const file = await download.path()
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines[0]).toMatch(/^代码,名称,人口/)
    const codes = await page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code))
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(codes)
    const api = await compared(1)
    for (const r of api) {
      const cells = lines.find((l) => l.startsWith(r.region.code))!.split(',')
      expect(cells[5]).toBe(String(r.servicePointCount))
      expect(cells[2]).toBe(asText(r.population))
    }
  })

  it('picks towns with presets: all 15, 街道, 镇/乡', async () => {
    await page.click('#preset-all')
    await page.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr').length === 15)
    expect(page.url()).not.toContain('codes=')
    const { data } = await server.query('{ regions { code level inCountyStatistics } }')
    const level = (...levels: string[]) => data.regions.filter((r: any) => r.inCountyStatistics && levels.includes(r.level)).map((r: any) => r.code)
    const shown = () => page.$$eval('#compare-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.code).sort())
    await page.click('#preset-subdistricts')
    await page.waitForFunction((n) => document.querySelectorAll('#compare-table tbody tr').length === n, level('SUBDISTRICT').length)
    expect(await shown()).toEqual(level('SUBDISTRICT').sort())
    await page.click('#preset-towns')
    await page.waitForFunction((n) => document.querySelectorAll('#compare-table tbody tr').length === n, level('TOWN', 'TOWNSHIP').length)
    expect(await shown()).toEqual(level('TOWN', 'TOWNSHIP').sort())
  })

  it('shows every figure of the plan’s tables and its prose targets on #/indicators', async () => {
    await open('#/indicators')
    const text = await page.locator('#page').innerText()
    // The 2026 indicator table (2023 and 2026) and the annex milestones (2024–2026).
    for (const figure of [
      '1775件',
      '2000件',
      '1800件',
      '1900件',
      '3.29件',
      '3.4件',
      '3.5件',
      '5件',
      '10件',
      '15件',
      '31453件',
      '33000件',
      '34000件',
      '35000件',
      '5750万元',
      '0.5亿元',
      '0.8亿元',
      '1亿元',
    ]) {
      expect(text).toContain(figure)
    }
    // Annex rows without a baseline: strong enterprises, high-value centres, pledge-financing firms, micro-navigation, funding.
    for (const figure of ['2家', '3家', '1个', '4个', '100万元', '150万元', '200万元']) expect(text).toContain(figure)
    // The prose targets with their comparators.
    for (const figure of ['> 20家', '= 200家', '= 50家', '= 100万元', '= 30件', '≥ 95%', '≥ 8次', '≥ 2000人次', '10–15场次']) expect(text).toContain(figure)
    for (const category of ['创造（CREATION）', '运用（UTILIZATION）', '保护（PROTECTION）', '服务（SERVICE）', '意识（AWARENESS）', '管理（MANAGEMENT）'])
      expect(text).toContain(category)
    // The plan's inconsistency and the missing annex row are said, not hidden.
    expect(text).toContain('方案在此前后不一') // annex row 8's 2024 figure below table row 5's 2023 figure (two series, each noting the other), in the Chinese UI's own words
    expect(text).toContain('附件2 没有第 6 行')
    const { data } = await server.query('{ indicators { code } }')
    await expect(page.locator('article.indicator').count()).resolves.toBe(data.indicators.length)
    await expect(page.locator('article.indicator svg.mini-chart').count()).resolves.toBe(data.indicators.length)
    // Status in words, not colour alone: no actuals yet, so every badge says "no data".
    await expect(page.locator('.badge.no-data').count()).resolves.toBe(data.indicators.length)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'indicators.png'), fullPage: false })

    await page.click('#lang-button')
    await pageReady()
    const en = await page.locator('#page').innerText()
    for (const figure of ['31,453 items', '57,500,000 yuan', '35,000 items', 'Creation (创造)']) expect(en).toContain(figure)
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en')
    await page.click('#lang-button')
    await pageReady()
  })

  it('lists exactly the tasks of 市市场监督管理局 on #/plan', async () => {
    await open('#/plan')
    const { data } = await server.query('{ departments { code nameZh tasks(includeViaGroups: true) { code } } tasks { code } }')
    const market = data.departments.find((d: any) => d.nameZh === '市市场监督管理局')
    await expect(page.locator('li.task').count()).resolves.toBe(data.tasks.length)
    await page.selectOption('#dept-filter', market.code)
    await page.waitForFunction((n) => document.querySelectorAll('li.task').length === n, market.tasks.length)
    const shown = await page.$$eval('li.task', (lis) => lis.map((li) => (li as HTMLElement).dataset.code))
    expect(shown).toEqual(market.tasks.map((t: any) => t.code))
    expect(page.url()).toContain(`dept=${market.code}`)
    await expect(page.locator('#dept-filter-note').innerText()).resolves.toContain('领导小组各成员单位')
    await expect(page.locator('.leading-group').innerText()).resolves.toContain('领导小组办公室')
  })

  it('moves the focus to the main heading when the route changes, from the navigation links', async () => {
    await open('#/plan')
    await page.click('nav a[href="#/indicators"]')
    // The previous page was ready too: wait for the new one before looking at the focus.
    await page.waitForFunction(() => document.querySelector('nav a[aria-current="page"]')?.getAttribute('href') === '#/indicators')
    await pageReady()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('page-title')
    await expect(page.locator('nav a[aria-current="page"]').getAttribute('href')).resolves.toBe('#/indicators')
  })

  it('draws the county map after starting on a leader’s page (the map was created hidden)', async () => {
    const fresh = await context.newPage()
    fresh.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    fresh.on('pageerror', (error) => errors.push(error.message))
    await fresh.goto(`${server.url}/#/compare`)
    await fresh.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await expect(fresh.locator('#layout').isHidden()).resolves.toBe(true)
    await fresh.click('nav a[href="#/"]')
    await fresh.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await fresh.waitForFunction(() => {
      const map = (window as any).map
      return map?.loaded?.() && !map.isMoving() && map.queryRenderedFeatures({ layers: ['regions-fill'] }).length > 0
    })
    await expect(fresh.locator('#page').isHidden()).resolves.toBe(true)
    const size = await fresh.evaluate(() => {
      const canvas = (window as any).map.getCanvas() as HTMLCanvasElement
      return [canvas.clientWidth, canvas.clientHeight]
    })
    expect(size[0]).toBeGreaterThan(300)
    expect(size[1]).toBeGreaterThan(300)
    await fresh.close()
  })

  it('has no serious or critical axe violations (WCAG 2 A/AA) on every page in both languages', async () => {
    const found: string[] = []
    for (const language of ['zh', 'en']) {
      for (const hash of ['#/', '#/town/410184109', '#/compare', '#/indicators', '#/plan', '#/data', '#/history?entity=region&id=410184109']) {
        await page.goto(`${server.url}/${hash}`)
        if (await page.evaluate(() => document.documentElement.lang).then((l) => (language === 'en') !== (l === 'en'))) {
          await page.click('#lang-button')
        }
        if (!hash.startsWith('#/town') && hash !== '#/') await pageReady()
        else {
          await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
          await page.waitForFunction(() => (window as any).map?.loaded?.())
        }
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language === 'en' ? 'en' : 'zh-CN')
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(
              `${language} ${hash}: ${v.id} (${v.impact}) ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join('; ')}`,
            )
        }
      }
    }
    expect(found).toEqual([])
    // 14 pages, each loaded and analysed by axe (software WebGL on 2 cores): more than the default minute.
  }, 240_000)

  it('made no external request and logged no console error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
