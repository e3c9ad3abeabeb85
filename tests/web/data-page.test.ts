/**
 * #/data and #/history in Chromium against the seeded embedded database: the page lists every file
 * of /data/datapackage.json with its row count and working links, shows a query per table that
 * the API answers; a station edited through the API (with an editor's token) shows its edit on its
 * history page, reached from the popup, and a township's history from its page; axe (WCAG 2 A/AA)
 * in both languages. Requests off 127.0.0.1 are blocked and counted. One browser for the file.
 */
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import type { TestServer } from '../setup/server.ts'

const POINT = 'ip-service-410184101'
const POINT_TOWN = '410184101'

describe.runIf(backend === 'pglite')('#/data and #/history in Chromium', () => {
  let server: TestServer
  let page: Page
  let external: string[] = []
  let errors: string[] = []
  let editor: string
  let admin: string

  let suite: BrowserSuite | undefined

  beforeAll(async () => {
    suite = await openBrowserSuite()
    ;({ server, page, external, errors } = suite)
    editor = (await createToken(server.db, '李四 (county IP office)', 'editor', { publicName: true })).token
    admin = (await createToken(server.db, 'platform-admin', 'admin', { publicName: true })).token
  })

  afterAll(() => suite?.close())

  async function mutate(query: string, variables: Record<string, unknown>, token: string) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    })
    const body = (await response.json()) as { data?: any; errors?: unknown[] }
    expect(body.errors).toBeUndefined()
    return body.data
  }

  const setAddress = (address: string) =>
    mutate('mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id } }', { input: { id: POINT, address } }, editor)

  async function pageReady(): Promise<void> {
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  async function open(hash: string): Promise<void> {
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    // The same address again would not even fire hashchange: load the page afresh.
    if (page.url() === `${server.url}/${hash}`) await page.reload()
    else await page.goto(`${server.url}/${hash}`)
    await pageReady()
  }

  async function axe(): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')}`,
      )
  }

  it('lists every file of /data/datapackage.json with its row count, and each link answers 200 with its content type', async () => {
    const pkg = (await (await fetch(`${server.url}/data/datapackage.json`)).json()) as {
      resources: { name: string; path: string; rows: number; format: string }[]
    }
    await open('#/data')
    for (const r of pkg.resources) {
      const link = page.locator(`a[data-resource="${r.name}"]`)
      await expect(link.count(), r.name).resolves.toBe(1)
      await expect(link.getAttribute('href')).resolves.toBe(`/data/${r.path}`)
      const rows = await link.evaluate((a) => a.closest('tr')!.dataset.rows)
      expect(rows, r.name).toBe(String(r.rows))
      await expect(link.evaluate((a) => a.closest('tr')!.querySelector('td.num')!.textContent)).resolves.toBe(r.rows.toLocaleString('zh-CN'))
    }
    // Every link on the page under /data answers, with the type its format needs.
    const hrefs = await page.$$eval('a[href^="/data/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')!))])
    expect(hrefs).toContain('/data/datapackage.json')
    // Each file once, each CSV also with Chinese headers (?lang=zh), and the descriptor.
    expect(hrefs).toHaveLength(pkg.resources.length + pkg.resources.filter((r) => r.format === 'csv').length + 1)
    for (const href of hrefs) {
      const response = await fetch(`${server.url}${href}`)
      expect(response.status, href).toBe(200)
      const type = response.headers.get('content-type')
      if (/\.csv(\?lang=zh)?$/.test(href)) expect(type, href).toMatch(/^text\/csv; charset=utf-8/)
      else if (href.endsWith('.geojson')) expect(type, href).toMatch(/^application\/geo\+json/)
      else expect(type, href).toMatch(/^application\/json/)
      await response.arrayBuffer()
    }
    // The dataset's licence, sources and last change are said.
    const text = await page.locator('#page').innerText()
    const { data } = await server.query('{ datasets { title updated licenses { name } sources { title } resources { name } } }')
    const [dataset] = data.datasets
    expect(text).toContain(dataset.title)
    for (const l of dataset.licenses) expect(text).toContain(l.name)
    // A source titled "中文 · English" is named by its Chinese half on the Chinese page.
    for (const s of dataset.sources) expect(text).toContain(s.title.split(' · ')[0])
    await expect(page.locator('dd time').nth(1).getAttribute('datetime')).resolves.toBe(dataset.updated)
    // Every resource of the datasets query has its row, the package's boundaries pointing to regions.geojson.
    expect(await page.$$eval('tr[data-resource]', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.resource))).toEqual(
      dataset.resources.map((r: any) => r.name),
    )
    await expect(page.locator('tr[data-resource="boundaries"] a').first().getAttribute('href')).resolves.toBe('/data/regions.geojson')
    await page.screenshot({ path: path.join(SCREENSHOTS, 'data.png'), fullPage: false })
  })

  it('shows for each table a GraphQL query the API answers, and opens it in the explorer', async () => {
    const shown = await page.$$eval('tr[data-resource]', (trs) =>
      trs.map((tr) => ({
        name: (tr as HTMLElement).dataset.resource!,
        query: tr.querySelector('pre code')?.textContent ?? '',
        explorer: tr.querySelector<HTMLAnchorElement>('a[href^="/graphiql/"]')?.getAttribute('href') ?? '',
      })),
    )
    for (const { name, query, explorer } of shown) {
      expect(query, name).toMatch(/^query \w+ \{/)
      const { status, errors: problems, data } = await server.get(query)
      expect(problems, name).toBeUndefined()
      expect(status).toBe(200)
      expect(Object.keys(data).length).toBeGreaterThan(0)
      expect(new URL(explorer, server.url).searchParams.get('query')).toBe(query)
    }
    // The service points' query returns as many as the file holds.
    const points = shown.find((s) => s.name === 'service-points')!
    const rows = await page.locator('tr[data-resource="service-points"]').getAttribute('data-rows')
    expect((await server.get(points.query)).data.servicePoints.totalCount).toBe(Number(rows))
    // The query shows when its <details> opens.
    await page.click('tr[data-resource="tasks"] summary')
    await expect(page.locator('tr[data-resource="tasks"] pre').isVisible()).resolves.toBe(true)
  })

  it('is in the main navigation as 数据, next to the API link, and takes the focus to its heading', async () => {
    await open('#/plan')
    await expect(page.locator('nav a[href="#/data"]').innerText()).resolves.toBe('数据')
    await expect(page.locator('nav a[href="/graphql"]').innerText()).resolves.toBe('数据接口')
    await page.click('nav a[href="#/data"]')
    await page.waitForFunction(() => document.querySelector('nav a[aria-current="page"]')?.getAttribute('href') === '#/data')
    await pageReady()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('page-title')
    await expect(page.locator('#page-title').innerText()).resolves.toBe('开放数据')
  })

  it('shows a station’s edit on its history page, reached from the station’s popup', async () => {
    await open(`#/history?entity=service_point&id=${POINT}`)
    await expect(page.locator('#history-count').innerText()).resolves.toBe('暂无修改记录')
    await expect(page.locator('li.history-entry').count()).resolves.toBe(0)

    await setAddress('新村镇便民服务大厅（测试）')
    // From the township page, "show on the map" opens the popup, whose history link leads to the page.
    await page.goto(`${server.url}/#/town/${POINT_TOWN}`)
    await page.waitForSelector(`[data-town-code="${POINT_TOWN}"]`)
    await page.waitForFunction(() => (window as any).map?.loaded?.())
    await page.locator('.point-list button', { hasText: '在地图上显示' }).first().click()
    const popup = page.locator('.maplibregl-popup')
    await popup.waitFor()
    const link = popup.locator('a[href^="#/history"]')
    await expect(link.getAttribute('href')).resolves.toBe(`#/history?entity=service_point&id=${POINT}`)
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await link.click()
    await pageReady()
    await expect(page.locator('#page-title').innerText()).resolves.toBe('修改记录：知识产权综合服务工作站（新村镇便民服务大厅）')
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0)
    const entries = page.locator('li.history-entry')
    await expect(entries.count()).resolves.toBe(1)
    await expect(entries.first().getAttribute('data-action')).resolves.toBe('UPDATE')
    await expect(entries.first().locator('.actor').innerText()).resolves.toBe('李四 (county IP office)')
    await expect(
      entries
        .first()
        .locator('li[data-field]')
        .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.field)),
    ).resolves.toEqual(['address'])
    await expect(entries.first().locator('li[data-field="address"] .before').innerText()).resolves.toBe('（空）')
    await expect(entries.first().locator('li[data-field="address"] .after').innerText()).resolves.toBe('新村镇便民服务大厅（测试）')
    const { data } = await server.query(`{ auditLog(entity: "service_point", entityId: "${POINT}") { edges { node { at } } } }`)
    await expect(entries.first().locator('time').getAttribute('datetime')).resolves.toBe(data.auditLog.edges[0].node.at)
    // The way back leads to the station's township.
    await expect(page.locator('#history-back').getAttribute('href')).resolves.toBe(`#/town/${POINT_TOWN}`)
  })

  it('pages through a long history with "more", newest first, and moves the focus to the first new entry', async () => {
    for (let i = 1; i <= 21; i++) await setAddress(`新村镇便民服务大厅 ${i}`)
    await open(`#/history?entity=service_point&id=${POINT}`)
    await expect(page.locator('#history-count').innerText()).resolves.toBe('共 22 条修改记录，最新的在前')
    await expect(page.locator('li.history-entry').count()).resolves.toBe(20)
    await expect(page.locator('li.history-entry').first().locator('.after').innerText()).resolves.toBe('新村镇便民服务大厅 21')
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await page.click('#history-more')
    await pageReady()
    await expect(page.locator('li.history-entry').count()).resolves.toBe(22)
    await expect(page.locator('#history-more').count()).resolves.toBe(0)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-20')
    const afters = await page.$$eval('li.history-entry li[data-field="address"] .after', (els) => els.map((e) => e.textContent))
    expect(afters.at(-1)).toBe('新村镇便民服务大厅（测试）')
    expect(new Set(await page.$$eval('li.history-entry', (lis) => lis.map((li) => (li as HTMLElement).dataset.entry))).size).toBe(22)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'history.png'), fullPage: false })
  })

  it('has no serious or critical axe violations on #/data and a history page, in both languages', async () => {
    const found: string[] = []
    for (const hash of ['#/data', `#/history?entity=service_point&id=${POINT}`]) {
      await open(hash)
      found.push(...(await axe()).map((v) => `zh ${hash}: ${v}`))
      await page.evaluate(() => delete document.documentElement.dataset.pageReady)
      await page.click('#lang-button')
      await pageReady()
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en')
      found.push(...(await axe()).map((v) => `en ${hash}: ${v}`))
      if (hash === '#/data') await expect(page.locator('#page-title').innerText()).resolves.toBe('Open data')
      else await expect(page.locator('#history-count').innerText()).resolves.toBe('22 changes, newest first')
      await page.evaluate(() => delete document.documentElement.dataset.pageReady)
      await page.click('#lang-button')
      await pageReady()
    }
    expect(found).toEqual([])
  })

  it('links a township page to the township’s own history: empty at first, then its boundary replacement', async () => {
    await page.goto(`${server.url}/#/town/${POINT_TOWN}`)
    await page.waitForSelector(`[data-town-code="${POINT_TOWN}"]`)
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await page.click('#town-history')
    await pageReady()
    expect(page.url()).toContain(`#/history?entity=region&id=${POINT_TOWN}`)
    await expect(page.locator('#page-title').innerText()).resolves.toBe('修改记录：新村镇')
    await expect(page.locator('#history-count').innerText()).resolves.toBe('暂无修改记录')

    const half = 0.02
    const [lng, lat] = [113.65, 34.43]
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [lng - half, lat - half],
          [lng + half, lat - half],
          [lng + half, lat + half],
          [lng - half, lat + half],
          [lng - half, lat - half],
        ],
      ],
    }
    await mutate(
      'mutation ($code: ID!, $boundary: GeoJSON!) { replaceRegionBoundary(code: $code, boundary: $boundary) { code } }',
      { code: POINT_TOWN, boundary: square },
      admin,
    )
    await page.goto(`${server.url}/#/town/${POINT_TOWN}`)
    await page.waitForSelector(`[data-town-code="${POINT_TOWN}"]`)
    await page.evaluate(() => delete document.documentElement.dataset.pageReady)
    await page.click('#town-history')
    await pageReady()
    const entry = page.locator('li.history-entry')
    await expect(entry.count()).resolves.toBe(1)
    await expect(entry.locator('.actor').innerText()).resolves.toBe('platform-admin')
    await expect(entry.locator('li[data-field="boundary_quality"]').innerText()).resolves.toBe('边界精度：近似 → 官方')
    await expect(entry.locator('li[data-field="geometry"] .after').innerText()).resolves.toBe('MultiPolygon (5 个坐标点)')
    await expect(page.locator('#history-back').getAttribute('href')).resolves.toBe(`#/town/${POINT_TOWN}`)
  })

  it('made no external request and logged no console error', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
