/**
 * Phones, popups and focus in Chromium (issue 14): at 390 × 844 no route overflows horizontally and
 * a tapped station's details are in the viewport; a popup opened on a station at the map's west edge
 * stays clear of the control box; after 使用我的位置 the focus is on the nearest list's heading; the EN
 * button's name contains its visible label; the home page's headings do not skip a level; #/indicators
 * loads no MapLibre file and no map layer query. Requests off 127.0.0.1 are blocked and counted.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import path from 'node:path'

const PHONE = { width: 390, height: 844 }
const TOWN = '410184109'
/** A station of the seed (龙湖镇's 综合服务工作站) and a place inside the county for the geolocation. */
const STATION = { id: 'ip-service-410184107', lngLat: [113.8005, 34.5822] as [number, number] }
const HOME = { longitude: 113.74, latitude: 34.4 }

const ROUTES = [
  '#/',
  `#/town/${TOWN}`,
  '#/compare?codes=410184001,410184109,410184402,410184101,410184102',
  '#/indicators',
  '#/plan',
  '#/data',
  `#/history?entity=region&id=${TOWN}`,
  '#/feedback',
  '#/sign-in',
]

type Box = { left: number; top: number; right: number; bottom: number }
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe.runIf(backend === 'pglite')('phones, popups and focus in Chromium', () => {
  let suite: BrowserSuite
  let phone: BrowserContext
  let page: Page

  beforeAll(async () => {
    suite = await openBrowserSuite()
    phone = await suite.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 1,
      // Not isMobile: Chromium would widen the layout viewport to the content, hiding any overflow.
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: HOME,
      permissions: ['geolocation'],
    })
    await phone.route(
      (url) => !['127.0.0.1', 'localhost'].includes(url.hostname),
      (route) => (suite.external.push(route.request().url()), route.abort()),
    )
    page = await phone.newPage()
    page.on('pageerror', (e) => suite.errors.push(String(e)))
    page.on('console', (m) => {
      if (m.type() === 'error') suite.errors.push(m.text())
    })
  }, 240_000)
  afterAll(() => suite?.close())

  const url = (hash: string) => `${suite.server.url}/${hash}`

  async function open(p: Page, hash: string): Promise<void> {
    await p.evaluate(() => (delete document.documentElement.dataset.pageReady, delete document.documentElement.dataset.ready)).catch(() => undefined)
    if (p.url() === url(hash)) await p.reload()
    else await p.goto(url(hash))
    if (hash === '#/' || hash.startsWith('#/town/')) {
      await p.waitForFunction(() => document.documentElement.dataset.ready === 'true')
      await p.waitForFunction(() => (window as any).map?.loaded?.())
    } else await p.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  async function setLanguage(p: Page, language: 'zh' | 'en'): Promise<void> {
    const current = await p.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await p.click('#lang-button')
    await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  /** The page's width beyond the window, and what sticks out (for the message). */
  const overflow = (p: Page) =>
    p.evaluate(() => {
      const extra = document.scrollingElement!.scrollWidth - window.innerWidth
      const wide = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.offsetParent !== null)
        .filter((el) => !el.closest('.table-scroll, .maplibregl-map'))
        .slice(0, 4)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
      return { extra, wide }
    })

  it('has no page-level horizontal overflow on any route at 390 × 844, in both languages', async () => {
    const found: string[] = []
    for (const language of ['zh', 'en'] as const) {
      for (const hash of ROUTES) {
        await open(page, hash)
        await setLanguage(page, language)
        const { extra, wide } = await overflow(page)
        if (extra > 0) found.push(`${language} ${hash}: ${extra}px too wide (${wide.join('; ')})`)
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `phone-compare-${language}.png`) })
    }
    expect(found).toEqual([])
    // 18 pages on software WebGL.
  }, 240_000)

  it('keeps the header compact on a phone and #/compare readable (no one-character columns, sticky first column)', async () => {
    for (const language of ['zh', 'en'] as const) {
      await open(page, ROUTES[2])
      await setLanguage(page, language)
      const header = await page.locator('#header').boundingBox()
      expect(header!.height, language).toBeLessThanOrEqual(130)
      // The compare table scrolls in its own box; no cell is narrower than two characters.
      const cells = await page.$$eval('#compare-table th, #compare-table td', (els) =>
        els.map((el) => {
          const fontSize = parseFloat(getComputedStyle(el).fontSize)
          return { narrow: el.getBoundingClientRect().width < 2 * fontSize, text: el.textContent }
        }),
      )
      expect(cells.filter((c) => c.narrow && (c.text ?? '').trim().length > 1)).toEqual([])
      await expect(page.evaluate(() => getComputedStyle(document.querySelector('#compare-table tbody th[scope=row]')!).position)).resolves.toBe('sticky')
      const scroller = await page.evaluate(() => {
        const box = document.getElementById('compare-table')!.closest<HTMLElement>('.table-scroll')
        return box ? { overflowX: getComputedStyle(box).overflowX, scrolls: box.scrollWidth > box.clientWidth } : null
      })
      expect(scroller).toEqual({ overflowX: 'auto', scrolls: true })
      // And the download links of #/data are on screen.
      await open(page, '#/data')
      const links = await page.$$eval('a[download], a[href$=".csv"], a[href*="format="]', (as) =>
        as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getBoundingClientRect().right),
      )
      expect(links.length).toBeGreaterThan(0)
      expect(Math.max(...links)).toBeLessThanOrEqual(PHONE.width)
    }
    await setLanguage(page, 'zh')
  }, 120_000)

  /** Where a place is on the page (the canvas's position plus MapLibre's projection). */
  async function onPage(p: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
    const [x, y] = await p.evaluate((at) => {
      const q = (window as any).map.project(at)
      return [q.x, q.y]
    }, lngLat)
    const canvas = (await p.locator('#map canvas').boundingBox())!
    return { x: canvas.x + x, y: canvas.y + y }
  }

  it('shows a tapped station’s details in the viewport, and after a tap elsewhere scrolls to the nearest list with the focus on its heading', async () => {
    await open(page, '#/')
    await page.locator('#map canvas').scrollIntoViewIfNeeded()
    await page.evaluate((at) => (window as any).map.jumpTo({ center: at, zoom: 13 }), STATION.lngLat)
    await page.waitForFunction(() => (window as any).map?.loaded?.())
    const at = await onPage(page, STATION.lngLat)
    await page.touchscreen.tap(at.x, at.y)
    const popup = page.locator(`.maplibregl-popup [data-point-id="${STATION.id}"]`)
    await popup.waitFor()
    // The map pans the popup into the window (after the frame in which it opened).
    const inWindow = () =>
      page.locator('.maplibregl-popup-content').evaluate((el) => {
        const r = el.getBoundingClientRect()
        return r.top >= 0 && r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight
      })
    await expect.poll(inWindow, { timeout: 5000 }).toBe(true)
    const heading = await popup.locator('h3').boundingBox()
    expect(heading!.y).toBeGreaterThanOrEqual(0)
    expect(heading!.y + heading!.height).toBeLessThanOrEqual(PHONE.height)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-station-popup.png') })

    // A tap away from the stations: the nearest list comes into view, its heading focused.
    await page.keyboard.press('Escape')
    await page.evaluate(() => (window as any).map.jumpTo({ center: [113.74, 34.4], zoom: 12 }))
    await page.waitForFunction(() => (window as any).map?.loaded?.())
    const canvas = (await page.locator('#map canvas').boundingBox())!
    // A place with no station (nor its label) within a finger's reach: where the labels fall depends on the language and fonts.
    const away = await page.evaluate(() => {
      const map = (window as any).map
      const { width, height } = map.getCanvas().getBoundingClientRect()
      for (let y = height / 2; y < height - 30; y += 25) {
        for (let x = 40; x < width - 40; x += 25) {
          const near = map.queryRenderedFeatures([
            [x - 30, y - 30],
            [x + 30, y + 30],
          ])
          if (!near.some((f: { source: string }) => f.source === 'service-points')) return { x, y }
        }
      }
      return null
    })
    expect(away).not.toBeNull()
    await page.touchscreen.tap(canvas.x + away!.x, canvas.y + away!.y)
    await page.locator('.nearest-list').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('nearest-title')
    const title = await page.evaluate(() => document.getElementById('nearest-title')!.getBoundingClientRect().toJSON())
    expect(title.top).toBeGreaterThanOrEqual(0)
    expect(title.bottom).toBeLessThanOrEqual(PHONE.height)
  }, 120_000)

  it('moves the focus to the nearest list’s heading after 使用我的位置', async () => {
    await open(page, '#/')
    await page.getByRole('button', { name: '使用我的位置' }).click()
    await page.locator('.nearest-list').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('nearest-title')
    await expect(page.locator('.nearest-list li').count()).resolves.toBeGreaterThan(0)
  }, 60_000)

  it('keeps a popup opened at the map’s west edge clear of the control box, the note and the attribution (desktop)', async () => {
    const desk = suite.page
    await open(desk, '#/')
    // Put the station 20 px from the map's west edge (under the control box) and click it.
    await desk.evaluate((at) => {
      const map = (window as any).map
      map.jumpTo({ center: at, zoom: 13 })
      const w = map.getContainer().clientWidth
      map.panBy([w / 2 - 20, 0], { animate: false })
    }, STATION.lngLat)
    await desk.waitForFunction(() => (window as any).map?.loaded?.())
    // The control box covers the station: open its popup the way a search does.
    const clear = async (label: string) => {
      await desk.locator('.maplibregl-popup-content').waitFor()
      // The popup is fitted in the frame after it opens (or after the flight): let the pan start and end.
      await desk.waitForTimeout(200)
      await desk.waitForFunction(() => !(window as any).map.isMoving())
      await desk.waitForTimeout(200)
      await desk.waitForFunction(() => !(window as any).map.isMoving())
      const boxes = await desk.evaluate(() => {
        const r = (sel: string) => {
          const el = document.querySelector<HTMLElement>(sel)
          return el && el.offsetParent !== null ? el.getBoundingClientRect().toJSON() : null
        }
        return {
          popup: r('.maplibregl-popup-content'),
          controls: r('#map-controls'),
          note: r('#schematic-note'),
          attribution: r('.maplibregl-ctrl-attrib'),
          map: r('#map'),
        }
      })
      const popup = boxes.popup!
      expect(overlaps(popup, boxes.controls as Box), `${label}: popup under the control box`).toBe(false)
      if (boxes.note) expect(overlaps(popup, boxes.note), `${label}: popup under the note`).toBe(false)
      if (boxes.attribution) expect(overlaps(popup, boxes.attribution), `${label}: popup under the attribution`).toBe(false)
      expect(popup.top).toBeGreaterThanOrEqual(boxes.map!.top)
      expect(popup.bottom).toBeLessThanOrEqual(boxes.map!.bottom)
      expect(popup.right).toBeLessThanOrEqual(boxes.map!.right)
    }
    // A click on the station at the west edge (clicks reach the map only beside the box; so open it as the map's own click does).
    await desk.evaluate((at) => {
      const map = (window as any).map
      map.fire('click', { lngLat: { lng: at[0], lat: at[1] }, point: map.project(at), originalEvent: new MouseEvent('click') })
    }, STATION.lngLat)
    await clear('west edge click')
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'popup-west-edge.png') })
    // After a search for the station, and after 在地图上显示 in the nearest list.
    const toWestEdge = () =>
      desk.evaluate((at) => {
        const map = (window as any).map
        map.jumpTo({ center: at, zoom: 13 })
        map.panBy([map.getContainer().clientWidth / 2 - 20, 0], { animate: false })
      }, STATION.lngLat)
    await desk.keyboard.press('Escape')
    await toWestEdge()
    await desk.fill('.search input', '孟庄镇便民')
    await desk.locator('.search-results li', { hasText: '孟庄镇便民服务大厅' }).first().click()
    await clear('after search')
    await desk.keyboard.press('Escape')
    await toWestEdge()
    await desk.evaluate((at) => {
      const map = (window as any).map
      const lngLat = { lng: at[0] + 0.01, lat: at[1] + 0.01 }
      map.fire('click', { lngLat, point: map.project(lngLat), originalEvent: new MouseEvent('click') })
    }, STATION.lngLat)
    await desk.keyboard.press('Escape')
    await toWestEdge()
    await desk.locator('.nearest-list button', { hasText: '孟庄镇便民服务大厅' }).click()
    await clear('after 在地图上显示')
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'popup-show-on-map.png') })
  }, 120_000)

  it('names the EN button with its visible label, and the home page’s headings do not skip a level', async () => {
    await open(page, '#/')
    const button = page.locator('#lang-button')
    const visible = (await button.innerText()).trim()
    expect(visible).toBe('EN')
    const name = await button.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? '')
    expect(name).toContain(visible)
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) =>
      hs.filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('details')).map((h) => Number(h.tagName[1])),
    )
    expect(levels[0]).toBe(1)
    const jumps = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1)
    expect(jumps, levels.join(' ')).toEqual([])
    // In English too.
    await setLanguage(page, 'en')
    const en = await button.evaluate((el) => [el.textContent?.trim(), el.getAttribute('aria-label')])
    expect(en[1] ?? en[0]).toContain(en[0]!)
    await setLanguage(page, 'zh')
  })

  it('loads no MapLibre file, no map layout, no map layer query and (for a visitor) no steward’s code on #/indicators, and its cards’ feedback in one request', async () => {
    const fresh = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } })
    const asked: string[] = []
    fresh.on('request', (r) => asked.push(`${r.url()} ${r.postData() ?? ''}`))
    const p = await fresh.newPage()
    await p.goto(url('#/indicators'))
    await p.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await p.waitForLoadState('networkidle')
    expect(asked.filter((r) => /maplibre/i.test(r))).toEqual([])
    expect(asked.filter((r) => /CountyLayers|mapLayer/.test(decodeURIComponent(r)))).toEqual([])
    // The map layout's chunks (views/map-page.ts, its panels) and the stewards' value entry are their own chunks.
    expect(asked.filter((r) => /\/assets\/(map-page|map-view|county-panel|steward-hooks|value-form)-/.test(r))).toEqual([])
    // The published feedback under the 21 cards is asked for in one request, not one per card.
    expect(asked.filter((r) => /PublishedFeedback/.test(r))).toHaveLength(1)
    expect(asked.length).toBeGreaterThan(0)
    await fresh.close()
  })

  it('shows #/indicators’ introduction while its figures load, then the figures, with the page ready only then', async () => {
    const fresh = await suite.browser.newContext({ viewport: PHONE, locale: 'zh-CN' })
    const p = await fresh.newPage()
    // The indicators' answer is held back until the introduction has been seen.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await p.route(/LeaderIndicators/, async (route) => {
      await held
      await route.continue()
    })
    await p.goto(url('#/indicators'))
    await p.locator('.indicators-page p.hint', { hasText: '全部量化指标' }).first().waitFor()
    expect(await p.locator('#page [role=status]').innerText()).toContain('加载中')
    expect(await p.evaluate(() => document.documentElement.dataset.pageReady)).not.toBe('true')
    expect(await p.locator('article.indicator').count()).toBe(0)
    release()
    await p.waitForFunction(() => document.documentElement.dataset.page === 'indicators' && document.documentElement.dataset.pageReady === 'true')
    expect(await p.locator('article.indicator').count()).toBeGreaterThan(15)
    await fresh.close()
  })

  it('does not shift the county view or a town page on a phone while its header, map and controls come (both languages)', async () => {
    const shifts: string[] = []
    for (const language of ['zh', 'en'] as const) {
      for (const hash of ['#/', `#/town/${TOWN}`]) {
        const p = await phone.newPage()
        await p.addInitScript(() => {
          const w = window as unknown as { __shift: number; __sources: string[] }
          w.__shift = 0
          w.__sources = []
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Element }[] }[]) {
              if (e.hadRecentInput) continue
              w.__shift += e.value
              for (const s of e.sources) w.__sources.push(`${s.node?.nodeName}#${s.node?.id ?? ''}`)
            }
          }).observe({ type: 'layout-shift', buffered: true })
        })
        await p.goto(`${suite.server.url}/healthz`)
        await p.evaluate((l) => localStorage.setItem('ipmap.lang', l), language)
        await open(p, hash)
        const { shift, sources } = await p.evaluate(() => {
          const w = window as unknown as { __shift: number; __sources: string[] }
          return { shift: w.__shift, sources: w.__sources }
        })
        // Lighthouse's layout shift on these pages was 0.07–0.15 before the header's and the controls' places were kept.
        if (shift >= 0.02) shifts.push(`${language} ${hash}: ${shift.toFixed(3)} (${sources.join(', ')})`)
        await p.close()
      }
    }
    expect(shifts).toEqual([])
  }, 180_000)

  it('made no external request and logged no console error', () => {
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
