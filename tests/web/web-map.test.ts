/**
 * The web map in a real browser (Debian's Chromium, software WebGL) against the platform on the
 * seeded embedded database. Every request that leaves 127.0.0.1 is blocked and counted: the map
 * must work offline. One browser for the whole file; screenshots go to .tmp/screenshots/.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors } from '../setup/browser.ts'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import { basemapOrigins } from '../../server/src/client-config.ts'
import { DEFAULT_HEADERS } from '../../server/src/security/headers.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { CLUSTER_MAX_ZOOM } from '../../web/src/map/layers.ts'

interface RenderedFeature {
  id: string
  layer: string
  properties: Record<string, unknown>
}

describe.runIf(backend === 'pglite')('the web map in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let external: string[] = []
  let errors: string[] = []
  let countyZoom = 0
  let webRoot: string
  let headers: typeof DEFAULT_HEADERS

  let suite: BrowserSuite | undefined

  beforeAll(async () => {
    // The Content-Security-Policy admits the 天地图 origins as a server configured with TIANDITU_TOKEN does
    // (the basemap test below offers it through a faked /config.json).
    headers = {
      ...DEFAULT_HEADERS,
      extraOrigins: basemapOrigins({ basemaps: [{ id: 'tianditu-vec', kind: 'tianditu', layer: 'vec', token: 'testtoken0123456789' }] }),
    }
    suite = await openBrowserSuite({ server: (root) => ({ webRoot: root, config: { headers } }), context: { viewport: { width: 1280, height: 800 } } })
    ;({ webRoot, browser, server, context, page, external, errors } = suite)
  })

  afterAll(() => suite?.close())

  /** Waits until the app has its data and the map has finished drawing. */
  async function settled(): Promise<void> {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await page.waitForFunction(() => {
      const map = (window as any).map
      return map?.loaded?.() && !map.isMoving()
    })
  }

  async function rendered(layers: string[]): Promise<RenderedFeature[]> {
    return page.evaluate(
      (ids) => (window as any).map.queryRenderedFeatures({ layers: ids }).map((f: any) => ({ id: String(f.id), layer: f.layer.id, properties: f.properties })),
      layers,
    )
  }

  const unique = (features: RenderedFeature[]) => [...new Set(features.map((f) => f.id))].sort()

  it('draws the county: all township cells, the service points and the GI areas, offline and without console errors', async () => {
    const { data } = await server.query(`{ regions: mapLayer(layer: REGIONS) points: mapLayer(layer: SERVICE_POINTS) gi: mapLayer(layer: GI_PRODUCTS)
      all: servicePoints(first: 500) { edges { node { id location } } } }`)
    await page.goto(`${server.url}/#/`)
    await settled()
    countyZoom = await page.evaluate(() => (window as any).map.getZoom())

    const cells = await rendered(['regions-fill', 'regions-nodata', 'regions-outside'])
    const inCounty = data.regions.features.filter((f: any) => f.properties.inCountyStatistics).map((f: any) => f.id)
    expect(inCounty).toHaveLength(15)
    expect(unique(cells.filter((f) => f.layer === 'regions-fill'))).toEqual([...inCounty].sort())
    // The two cells administered by 郑州航空港区 are drawn apart (greyed).
    expect(unique(cells.filter((f) => f.layer === 'regions-outside'))).toEqual(['410173202', '410173203'])

    // Below the tile threshold the points are one GeoJSON collection, each drawn alone at the county's zoom.
    expect(await page.evaluate(() => (window as any).map.getSource('service-points').type)).toBe('geojson')
    expect(countyZoom).toBeGreaterThan(CLUSTER_MAX_ZOOM + 1)
    const points = await rendered(['points-active', 'points-planned'])
    expect(unique(points)).toEqual(data.points.features.map((f: any) => f.id).sort())
    expect(unique(points.filter((f) => f.layer === 'points-planned'))).toEqual(
      data.points.features
        .filter((f: any) => f.properties.status === 'PLANNED')
        .map((f: any) => f.id)
        .sort(),
    )
    expect(unique(await rendered(['gi-fill']))).toEqual(data.gi.features.map((f: any) => f.id).sort())
    expect((await rendered(['regions-label'])).length).toBeGreaterThan(5)

    const unlocated = data.all.edges.filter((e: any) => e.node.location === null).length
    await expect(page.locator('#unlocated > summary').innerText()).resolves.toContain(`${unlocated} 个站点位置未知`)
    await expect(page.locator('#schematic-note').isVisible()).resolves.toBe(true)
    await expect(page.locator('#town-table tbody tr').count()).resolves.toBe(17)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'county.png') })
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })

  it('highlights a station under the pointer and opens its popup on a click', async () => {
    const id = 'ip-service-410184107'
    const [x, y] = await page.evaluate(() => {
      const p = (window as any).map.project([113.8005, 34.5822])
      return [p.x, p.y]
    })
    const canvas = (await page.locator('#map canvas').boundingBox())!
    await page.mouse.move(canvas.x + x, canvas.y + y)
    await expect
      .poll(() => page.evaluate((pid) => (window as any).map.getFeatureState({ source: 'service-points', id: pid }).hover, id), { timeout: 10_000 })
      .toBe(true)
    await page.mouse.click(canvas.x + x, canvas.y + y)
    const popup = page.locator('.maplibregl-popup')
    await popup.waitFor()
    const text = await popup.innerText()
    expect(text).toContain('知识产权综合服务工作站（孟庄镇便民服务大厅）')
    expect(text).toContain('规划中')
    expect(text).toContain('近似位置')
    await expect(popup.locator('a[href^="#/town/410184107"]').count()).resolves.toBe(1)
  })

  it('lists the nearest stations to a place clicked on the map, as the API ranks them', async () => {
    await page.click('.maplibregl-popup-close-button')
    const lngLat = { lng: 113.755, lat: 34.485 }
    const [x, y] = await page.evaluate((p) => {
      const q = (window as any).map.project([p.lng, p.lat])
      return [q.x, q.y]
    }, lngLat)
    const canvas = (await page.locator('#map canvas').boundingBox())!
    await page.mouse.click(canvas.x + x, canvas.y + y)
    const items = page.locator('.nearest-list li')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(5)
    const clicked = await page.evaluate(([px, py]) => (window as any).map.unproject([px, py]), [x, y])
    const { data } = await server.query(
      'query ($lng: Float!, $lat: Float!) { nearestServicePoints(lng: $lng, lat: $lat) { servicePoint { nameZh } } }',
      clicked,
    )
    expect(await items.first().innerText()).toContain(data.nearestServicePoints[0].servicePoint.nameZh)
  })

  it('finds a township by pinyin initials and opens its page', async () => {
    await page.fill('#search-input', 'mzz')
    await page.locator('#search-results [role=option]').first().waitFor()
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-town-code="410184107"]')
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/town\/410184107/)
  })

  it('opens a township page fitted to the town, the others dimmed, listing its stations and neighbours', async () => {
    const { data } = await server.query('{ region(code: "410184109") { servicePoints { nameZh } } layer: mapLayer(layer: REGIONS, region: "410184109") }')
    await page.goto(`${server.url}/#/town/410184109`)
    await page.waitForSelector('[data-town-code="410184109"]')
    await settled()
    const view = await page.evaluate(() => {
      const map = (window as any).map
      return { zoom: map.getZoom(), center: map.getCenter(), dim: map.getLayoutProperty('regions-dim', 'visibility') }
    })
    expect(view.zoom).toBeGreaterThan(countyZoom + 0.5)
    const ring: number[][] = data.layer.features[0].geometry.coordinates.flat(2)
    const lngs = ring.map((p) => p[0])
    const lats = ring.map((p) => p[1])
    expect(view.center.lng).toBeGreaterThan(Math.min(...lngs))
    expect(view.center.lng).toBeLessThan(Math.max(...lngs))
    expect(view.center.lat).toBeGreaterThan(Math.min(...lats))
    expect(view.center.lat).toBeLessThan(Math.max(...lats))
    expect(view.dim).toBe('visible')

    const panel = await page.locator('#panel').innerText()
    expect(data.region.servicePoints).toHaveLength(3)
    for (const p of data.region.servicePoints) expect(panel).toContain(p.nameZh)
    expect(panel).toContain('人口')
    expect(panel).toContain('未知')
    await expect(page.locator('.neighbours a').allInnerTexts()).resolves.toEqual(['孟庄镇', '郭店镇'])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'town.png') })
  })

  it('says clearly when a township code is unknown, with a way back', async () => {
    await page.goto(`${server.url}/#/town/999999999`)
    await page.waitForSelector('#panel-title')
    await expect.poll(() => page.locator('#panel').innerText(), { timeout: 10_000 }).toContain('没有代码为 999999999 的乡镇')
    await expect(page.locator('#panel a[href^="#/"]').count()).resolves.toBeGreaterThan(0)
  })

  it('switches every label to English ("Longhu") and back, with <html lang>', async () => {
    await page.goto(`${server.url}/#/town/410184109`)
    await page.waitForSelector('[data-town-code="410184109"]')
    await page.click('#lang-button')
    await expect.poll(() => page.locator('#panel-title').innerText(), { timeout: 10_000 }).toContain('Longhu')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('.map-controls').innerText()).toContain('Legend')
    const field = await page.evaluate(() => (window as any).map.getLayoutProperty('regions-label', 'text-field'))
    expect(JSON.stringify(field)).toContain('nameEn')
    await page.click('#lang-button')
    await expect.poll(() => page.locator('#panel-title').innerText(), { timeout: 10_000 }).toBe('龙湖街道')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
  })

  it('keeps the metric, the layers, the view and the language over a reload', async () => {
    await page.goto(`${server.url}/#/`)
    await settled()
    await page.selectOption('#metric', 'coverage')
    await page.uncheck('input[name=layer][value=gi]')
    const canvas = (await page.locator('#map canvas').boundingBox())!
    await page.mouse.move(canvas.x + 500, canvas.y + 400)
    await page.mouse.down()
    await page.mouse.move(canvas.x + 420, canvas.y + 330, { steps: 8 })
    await page.mouse.up()
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toMatch(/metric=coverage&layers=regions,points&at=/)
    const before = await page.evaluate(() => (window as any).map.getCenter())
    await page.click('#lang-button')

    await page.reload()
    await settled()
    expect(await page.inputValue('#metric')).toBe('coverage')
    expect(await page.isChecked('input[name=layer][value=gi]')).toBe(false)
    expect(await page.evaluate(() => (window as any).map.getLayoutProperty('gi-fill', 'visibility'))).toBe('none')
    const after = await page.evaluate(() => (window as any).map.getCenter())
    expect(after.lng).toBeCloseTo(before.lng, 3)
    expect(after.lat).toBeCloseTo(before.lat, 3)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    // Coverage comes from compareRegions: every township in the county has a value, drawn in a class.
    const fills = await rendered(['regions-fill'])
    expect(fills.every((f) => typeof f.properties.m_coverage === 'number')).toBe(true)
  })

  /** Points drawn zoomed out: clusters (with point_count) and points standing alone, as rendered now. */
  async function countedWhenZoomedOut(p: Page): Promise<{ clusters: number; total: number }> {
    await p.evaluate((z) => (window as any).map.jumpTo({ center: [113.74, 34.42], zoom: z }), CLUSTER_MAX_ZOOM - 0.5)
    await p.waitForFunction(() => (window as any).map?.loaded?.() && !(window as any).map.isMoving())
    const clusters = await p.evaluate(() => (window as any).map.queryRenderedFeatures({ layers: ['points-cluster'] }).map((f: any) => f.properties.point_count))
    const singles = await p.evaluate(() => (window as any).map.queryRenderedFeatures({ layers: ['points-active', 'points-planned'] }).length)
    return { clusters: clusters.length, total: clusters.reduce((a: number, b: number) => a + b, 0) + singles }
  }

  it('clusters the points when zoomed out, every located point counted once', async () => {
    const { data } = await server.query(`{ points: mapLayer(layer: SERVICE_POINTS) }`)
    await page.goto(`${server.url}/#/`)
    await settled()
    const zoomedOut = await countedWhenZoomedOut(page)
    expect(zoomedOut.clusters).toBeGreaterThan(0)
    expect(zoomedOut.total).toBe(data.points.features.length)
  })

  it('switches the points to vector tiles above the threshold: drawn from /tiles, clustered zoomed out, popups still work', async () => {
    // The same platform configured to draw points from tiles above 10 (the county has 17 located).
    const tiled = await startTestServer({ webRoot, config: { headers, client: { basemaps: [], pointTileThreshold: 10 } } })
    try {
      const { data } = await tiled.query(`{ points: mapLayer(layer: SERVICE_POINTS) }`)
      expect(data.points.features.length).toBeGreaterThan(10)
      const p = await context.newPage()
      const pageErrors = collectErrors(p)
      const tiles: { path: string; status: number }[] = []
      p.on('response', (r) => {
        const url = new URL(r.url())
        if (url.pathname.startsWith('/tiles/')) tiles.push({ path: url.pathname, status: r.status() })
      })
      await p.goto(`${tiled.url}/#/`)
      await p.waitForFunction(() => document.documentElement.dataset.ready === 'true')
      await p.waitForFunction(() => (window as any).map.getSource('service-points')?.type === 'vector' && (window as any).map?.loaded?.())

      const ids = await p.evaluate(() =>
        [...new Set((window as any).map.queryRenderedFeatures({ layers: ['points-active', 'points-planned'] }).map((f: any) => String(f.id)))].sort(),
      )
      expect(ids).toEqual(data.points.features.map((f: any) => f.id).sort())
      expect(tiles.length).toBeGreaterThan(0)
      expect(tiles.every((t) => /^\/tiles\/service-points\/\d+\/\d+\/\d+\.pbf$/.test(t.path) && t.status === 200)).toBe(true)

      // A click on a point drawn from a tile opens its popup, as with GeoJSON.
      const [x, y] = await p.evaluate(() => {
        const pt = (window as any).map.project([113.8005, 34.5822])
        return [pt.x, pt.y]
      })
      const canvas = (await p.locator('#map canvas').boundingBox())!
      await p.mouse.click(canvas.x + x, canvas.y + y)
      await expect.poll(() => p.locator('.maplibregl-popup').innerText(), { timeout: 10_000 }).toContain('知识产权综合服务工作站（孟庄镇便民服务大厅）')

      const zoomedOut = await countedWhenZoomedOut(p)
      expect(zoomedOut.clusters).toBeGreaterThan(0)
      expect(zoomedOut.total).toBe(data.points.features.length)
      await p.screenshot({ path: path.join(SCREENSHOTS, 'tiles-clustered.png') })
      expect(pageErrors).toEqual([])
      await p.close()
    } finally {
      await tiled.close()
    }
  })

  it('made no request off 127.0.0.1 and logged no error in the whole session', () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })

  it('draws a configured 天地图 basemap under the layers, with its attribution, only once chosen', async () => {
    // A context of its own (the requests it makes are expected), with /config.json offering 天地图.
    const other = await browser.newContext({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 })
    const requested: string[] = []
    await other.route('**/*', (route) => {
      const url = new URL(route.request().url())
      if (url.hostname !== '127.0.0.1') {
        requested.push(url.href)
        return route.abort()
      }
      if (url.pathname === '/config.json') {
        return route.fulfill({ json: { basemaps: [{ id: 'tianditu-vec', kind: 'tianditu', layer: 'vec', token: 'testtoken0123456789' }] } })
      }
      return route.continue()
    })
    const p = await other.newPage()
    await p.goto(`${server.url}/#/`)
    await p.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    expect(requested).toEqual([])
    await p.click('#settings-button')
    await p.check('input[name=basemap][value=tianditu-vec]')
    await p.click('dialog#settings button[type=submit]')
    await expect.poll(() => requested.length, { timeout: 10_000 }).toBeGreaterThan(0)
    for (const url of requested) expect(url).toMatch(/^https:\/\/t[0-7]\.tianditu\.gov\.cn\/(vec|cva)_w\/wmts\?.*&tk=testtoken0123456789$/)
    const ids = await p.evaluate(() => (window as any).map.getStyle().layers.map((l: { id: string }) => l.id))
    expect(ids.slice(0, 3)).toEqual(['background', 'basemap-base', 'basemap-labels'])
    await expect.poll(() => p.locator('.maplibregl-ctrl-attrib').innerText(), { timeout: 10_000 }).toContain('天地图')
    await other.close()
  })
})
