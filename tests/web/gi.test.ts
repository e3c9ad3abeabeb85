/**
 * GI products in Chromium against the seeded embedded database: search finds one by English, Chinese and
 * pinyin and opens its page (#/gi/<code>); the page gives the plan's status in the plan's words (the
 * ambiguous 新郑红枣 wording said as ambiguous), origin towns or 产地未知, the plan's actions and source;
 * 新郑芗草 shows with 产地未知 on the county page; #/plan numbers each task once; axe in both languages.
 * Requests off 127.0.0.1 are blocked and counted.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import type { TestServer } from '../setup/server.ts'

describe.runIf(backend === 'pglite')('GI products in Chromium', () => {
  let suite: BrowserSuite | undefined
  let server: TestServer
  let page: Page

  beforeAll(async () => {
    suite = await openBrowserSuite()
    ;({ server, page } = suite)
  })

  afterAll(() => suite?.close())

  async function pageReady(): Promise<void> {
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  async function open(hash: string): Promise<void> {
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    await page.goto(`${server.url}/${hash}`)
    await pageReady()
  }

  async function openMap(hash: string): Promise<void> {
    await page.goto(`${server.url}/${hash}`)
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((current === 'en') !== (language === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  /** Types a query in the search box and gives the options' names. */
  async function searchFor(query: string): Promise<string[]> {
    await page.fill('#search-input', '')
    await page.fill('#search-input', query)
    await page.locator('#search-results [role=option]').first().waitFor()
    return page.$$eval('#search-results [role=option] .name', (els) => els.map((e) => e.textContent ?? ''))
  }

  it('finds 龙湖樱桃 by "cherry" and opens its page, with its origin towns, the plan’s action and source', async () => {
    await openMap('#/')
    await setLanguage('zh')
    const { data } = await server.query('{ giProducts { code nameZh status source originRegions { code nameZh } } }')
    const cherry = data.giProducts.find((g: any) => g.code === 'longhu-cherry')
    expect(await searchFor('cherry')).toEqual(['龙湖樱桃'])
    await expect(page.locator('#search-results [role=option] .hint').first().innerText()).resolves.toContain('地理标志产品')
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await page.keyboard.press('Enter')
    await pageReady()
    expect(await page.evaluate(() => location.hash)).toBe('#/gi/longhu-cherry')
    await expect(page.locator('#page-title').innerText()).resolves.toBe('龙湖樱桃')
    const text = await page.locator('#page').innerText()
    expect(text).toContain('方案所述状态')
    expect(text).toContain('推动龙湖樱桃、具茨山小米、新郑芗草等申报地理标志商标')
    expect(text).toContain(cherry.source)
    // Its origin towns, each linking to the town's page, as the API gives them.
    const towns = await page.$$eval('.gi-page .facts a[href^="#/town/"]', (as) => as.map((a) => a.getAttribute('href')))
    expect(towns).toEqual(cherry.originRegions.map((r: any) => `#/town/${r.code}`))
    expect(cherry.originRegions.length).toBeGreaterThan(0)
    // The plan's action for it: task 四（二）4, its sentence quoted.
    await expect(page.locator('.gi-actions li[data-task="4.2.4"]').innerText()).resolves.toContain('实施地理标志培育工程')
    await expect(page.locator('#gi-history').getAttribute('href')).resolves.toBe('#/history?entity=gi_product&id=longhu-cherry')
  })

  it('finds GI products by Chinese and pinyin', async () => {
    await openMap('#/')
    expect((await searchFor('红枣'))[0]).toBe('新郑红枣')
    expect((await searchFor('hongzao'))[0]).toBe('新郑红枣')
    expect(await searchFor('樱桃')).toContain('龙湖樱桃')
    expect((await searchFor('芗草'))[0]).toBe('新郑芗草')
  })

  it('says that the plan’s wording of 新郑红枣’s status is ambiguous, and asserts no registration', async () => {
    await open('#/gi/xinzheng-jujube')
    const text = await page.locator('#page').innerText()
    expect(text).toContain('国家地理标志保护产品合新郑红枣')
    await expect(page.locator('#gi-ambiguous').innerText()).resolves.toContain('有歧义')
    expect(text).toContain('不断言')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'gi-xinzheng-jujube.png'), fullPage: true })
  })

  it('shows 新郑芗草 with 产地未知 on the county page, in the list of products without a known origin, and on its page', async () => {
    await openMap('#/')
    await setLanguage('zh')
    const list = page.locator('#gi-unknown-origin')
    await expect(list.locator('summary').innerText()).resolves.toBe('地理标志产品（产地未知）：1 项')
    await expect(list.locator('li[data-gi-code="xinzheng-xiangcao"]').innerText()).resolves.toMatch(/新郑芗草.*产地未知/)
    await page.locator('.county-gi').screenshot({ path: path.join(SCREENSHOTS, 'gi-county-panel.png') })
    // Every product of the API is listed in the county panel, each linked to its page.
    const { data } = await server.query('{ giProducts { code } }')
    const linked = await page.$$eval('.county-gi a[href^="#/gi/"]', (as) => as.map((a) => a.getAttribute('href')))
    expect(linked.sort()).toEqual(data.giProducts.map((g: any) => `#/gi/${g.code}`).sort())
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await list.locator('a[href="#/gi/xinzheng-xiangcao"]').click()
    await pageReady()
    await expect(page.locator('#page-title').innerText()).resolves.toBe('新郑芗草')
    await expect(page.locator('#gi-origin-unknown').innerText()).resolves.toBe('产地未知')
  })

  it('links a town’s GI products to their pages', async () => {
    const { data } = await server.query('{ giProducts { code originRegions { code } } }')
    const withTown = data.giProducts.find((g: any) => g.originRegions.length > 0)
    const code = withTown.originRegions[0].code
    await openMap(`#/town/${code}`)
    await page.waitForSelector(`[data-town-code="${code}"]`)
    await expect(page.locator(`.gi-list a[href="#/gi/${withTown.code}"]`).count()).resolves.toBe(1)
  })

  it('says when there is no such product', async () => {
    await open('#/gi/no-such-product')
    await expect(page.locator('[role=alert]').innerText()).resolves.toContain('no-such-product')
  })

  it('numbers each task of #/plan once: the plan’s number in the heading, no list marker beside it', async () => {
    await open('#/plan')
    const tasks = await page.$$eval('li.task', (lis) =>
      lis.map((li) => ({
        code: (li as HTMLElement).dataset.code,
        marker: getComputedStyle(li).listStyleType,
        heading: li.querySelector('h4')?.textContent ?? '',
      })),
    )
    expect(tasks.length).toBeGreaterThan(10)
    expect(tasks.find((t) => t.code === '4.1.1')?.heading).toBe('1. 强化知识产权工作组织保障')
    // No task is numbered twice, and the tasks the plan does not number (五、保障措施) get no invented number.
    expect(tasks.filter((t) => t.marker !== 'none' && /^\d+\.\s/.test(t.heading))).toEqual([])
    expect(tasks.filter((t) => t.code?.startsWith('5.')).map((t) => [t.marker, /^\d/.test(t.heading)])).toEqual([
      ['none', false],
      ['none', false],
      ['none', false],
    ])
    expect(await page.locator('#page').innerText()).not.toMatch(/(\d+)\.\s*\1\.\s/)
  })

  it('has no serious or critical axe violations on the GI pages and the county panel, in both languages', async () => {
    const found: string[] = []
    for (const language of ['zh', 'en'] as const) {
      for (const hash of ['#/gi/xinzheng-jujube', '#/gi/xinzheng-xiangcao', '#/']) {
        if (hash === '#/') {
          await openMap(hash)
          await page.waitForFunction(() => (window as any).map?.loaded?.())
        } else await open(hash)
        await setLanguage(language)
        if (hash !== '#/') await pageReady()
        if (language === 'en' && hash === '#/gi/xinzheng-xiangcao') {
          const text = await page.locator('#page').innerText()
          expect(text).toContain('Origin unknown')
          expect(text).toContain('Status as the plan states it')
        }
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
        for (const v of result.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(
              `${language} ${hash}: ${v.id} ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join('; ')}`,
            )
      }
    }
    expect(found).toEqual([])
  }, 180_000)

  it('made no external request and logged no console error', () => {
    expect(suite!.external).toEqual([])
    expect(suite!.errors).toEqual([])
  })
})
