/**
 * Station editing in Chromium: a township editor (signed in with the session cookie) adds a station in
 * their town by clicking the map and dragging the draft marker, marks it ACTIVE (the server's demand for
 * an opening date shows at the field, which gets the focus), moves it with 移动位置, and the public map,
 * popup, town page and #/history show it with their name; a click in another town is refused with a
 * message; GCJ-02 coordinates land at the converted WGS84 point; a station is deleted with a reason.
 * axe (WCAG 2 A/AA) finds nothing serious on the form in Chinese and English. Requests off 127.0.0.1 are blocked.
 */
import { AxeBuilder } from '@axe-core/playwright'
import gcoordModule from 'gcoord'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backend } from '../setup/database.ts'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { clickMapAt, createStationEditor, dragMarker, mapReady, signInInPage } from '../setup/station-editing.ts'

const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']
const TOWN = '410184101' // 新村镇
const OTHER = '410184102' // 辛店镇
const NAME = '新村镇知识产权服务站（测试）'

describe.runIf(backend === 'pglite')('station editing in Chromium', () => {
  let suite: BrowserSuite
  let page: Page
  let seat: [number, number]
  let otherSeat: [number, number]
  let stationId: string

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    await createStationEditor(suite.server.db, { username: 'xincun-clerk', displayName: '王五 · 新村镇', regions: [TOWN] })
    const seats = await suite.server.query(`{ a: region(code: "${TOWN}") { seat } b: region(code: "${OTHER}") { seat } }`)
    seat = seats.data.a.seat.coordinates
    otherSeat = seats.data.b.seat.coordinates
    await page.goto(`${suite.server.url}/#/town/${TOWN}`)
    await signInInPage(page, suite.server.url, 'xincun-clerk', `#/town/${TOWN}`)
    await mapReady(page)
    await page.locator('.station-add').waitFor()
  }, 240_000)
  afterAll(() => suite?.close())

  async function seriousViolations(where: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('#station-editor').analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  const stored = (id: string) =>
    suite.server.db
      .selectFrom('service_point')
      .select(['name_zh', 'status', 'region_code', 'location_quality', 'opened_on', 'note', 'note_zh'])
      .select((eb) => [eb.fn<number>('st_x', ['location']).as('lng'), eb.fn<number>('st_y', ['location']).as('lat')])
      .where('id', '=', id)
      .executeTakeFirst()

  const status = () => page.locator('.station-status').innerText()

  it('has an axe-clean form in Chinese and in English', async () => {
    const found: string[] = []
    for (const language of ['en', 'zh'] as const) {
      await setLanguage(language)
      await page.click('.station-add')
      await page.locator('#station-editor form').waitFor()
      found.push(...(await seriousViolations(`${language} form`)))
      await page.screenshot({ path: `${process.cwd()}/.tmp/screenshots/station-form-${language}.png` })
      await page.keyboard.press('Escape')
      await expect(page.locator('#station-editor').isHidden()).resolves.toBe(true)
    }
    expect(found).toEqual([])
  })

  it('refuses a click in another town with a message, and places nothing', async () => {
    await page.click('.station-add')
    await clickMapAt(page, ...otherSeat)
    await expect.poll(() => page.locator('#station-place-error').innerText()).toContain('您只能在负责的乡镇添加或移动站点：新村镇')
    await expect(page.locator('.station-draft').count()).resolves.toBe(0)
  })

  it('adds a station in their town by clicking the map and dragging the draft marker', async () => {
    await clickMapAt(page, ...seat)
    await page.locator('.station-draft').waitFor()
    const target: [number, number] = [seat[0] + 0.004, seat[1] - 0.003]
    await dragMarker(page, '.station-draft', seat, target)
    await expect.poll(async () => Number(await page.locator('#station-lng').inputValue())).toBeCloseTo(target[0], 3)
    await page.getByLabel('中文名称（必填）').fill(NAME)
    await page.locator('#station-openingHours').fill('工作日 9:00–17:00')
    await page.getByLabel('信息来源（必填）').fill('新村镇人民政府公告')
    await page.getByLabel('备注（中文）').fill('门牌号待核实')
    await page.click('#station-editor button[type=submit]')
    await expect.poll(status, { timeout: 15_000 }).toContain(`已保存：${NAME}`)
    const row = await suite.server.db.selectFrom('service_point').select('id').where('name_zh', '=', NAME).executeTakeFirstOrThrow()
    stationId = row.id
    const saved = (await stored(stationId))!
    // The Chinese note goes to note_zh; the English one, left empty, stays null (never an empty string).
    expect(saved).toMatchObject({ status: 'PLANNED', region_code: TOWN, location_quality: 'SURVEYED', note_zh: '门牌号待核实', note: null })
    expect(saved.lng).toBeCloseTo(target[0], 3)
    expect(saved.lat).toBeCloseTo(target[1], 3)
    await page.screenshot({ path: `${process.cwd()}/.tmp/screenshots/station-added.png` })
  })

  it('marks it ACTIVE: the missing opening date is named at its field, which gets the focus; then it saves', async () => {
    // Saving opened the new station's popup.
    const popup = page.locator('.maplibregl-popup')
    await popup.locator('.station-actions button', { hasText: '编辑' }).click()
    await page.locator('#station-status').selectOption('ACTIVE')
    await page.click('#station-editor button[type=submit]')
    await expect.poll(() => page.locator('#station-openedOn-error').innerText()).toMatch(/启用日期/)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('station-openedOn')
    await expect(page.locator('#station-openedOn').getAttribute('aria-invalid')).resolves.toBe('true')
    await page.locator('#station-openedOn').fill('2025-03-18')
    await page.click('#station-editor button[type=submit]')
    // The notice of the first save may still be on screen: wait for the record itself.
    await expect.poll(async () => (await stored(stationId))?.status, { timeout: 15_000 }).toBe('ACTIVE')
    await expect.poll(status, { timeout: 15_000 }).toContain(`已保存：${NAME}`)
    await expect.poll(() => popup.innerText()).toContain('2025-03-18')
  })

  it('moves it with 移动位置: drag, then 保存新位置', async () => {
    const before = (await stored(stationId))!
    await page.locator('.maplibregl-popup .station-actions button', { hasText: '移动位置' }).click()
    await page.locator('.station-moving').waitFor()
    const to: [number, number] = [before.lng - 0.003, before.lat + 0.002]
    await dragMarker(page, '.station-moving', [before.lng, before.lat], to)
    await page.getByRole('button', { name: '保存新位置' }).click()
    await expect.poll(status, { timeout: 15_000 }).toContain('新位置已保存')
    const after = (await stored(stationId))!
    expect(after.lng).toBeCloseTo(to[0], 3)
    expect(after.lat).toBeCloseTo(to[1], 3)
    expect(after.location_quality).toBe('SURVEYED')
  })

  it('shows the change to the public: the map popup, the town page and #/history with the editor’s name', async () => {
    const publicPage = await suite.context.browser()!.newPage()
    try {
      await publicPage.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort())
      await publicPage.goto(`${suite.server.url}/#/town/${TOWN}`)
      await mapReady(publicPage)
      await expect.poll(() => publicPage.locator('#panel').innerText(), { timeout: 10_000 }).toContain(NAME)
      const at = (await stored(stationId))!
      await publicPage.waitForFunction(() => (window as any).map?.loaded?.())
      await clickMapAt(publicPage, at.lng, at.lat)
      const popup = publicPage.locator('.maplibregl-popup')
      await expect.poll(() => popup.innerText(), { timeout: 10_000 }).toContain(NAME)
      const text = await popup.innerText()
      expect(text).toContain('运行中')
      expect(text).toContain('工作日 9:00–17:00')
      expect(text).toContain('2025-03-18')
      await expect(popup.locator('.station-actions').count()).resolves.toBe(0) // nobody signed in: no editing
      await publicPage.goto(`${suite.server.url}/#/history?entity=service_point&id=${stationId}`)
      await publicPage.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
      const history = await publicPage.locator('#page').innerText()
      expect(history).toContain('王五 · 新村镇')
      expect(history).toContain('启用日期')
    } finally {
      await publicPage.close()
    }
  })

  it('places a station typed in GCJ-02 (高德) at the converted WGS84 point, then deletes it with a reason', async () => {
    await page.goto(`${suite.server.url}/#/town/${TOWN}`)
    await mapReady(page)
    const wanted: [number, number] = [seat[0] + 0.002, seat[1] + 0.002]
    const [gx, gy] = gcoord.transform<[number, number]>(wanted, gcoord.WGS84, gcoord.GCJ02)
    const [wx, wy] = gcoord.transform<[number, number]>([gx, gy], gcoord.GCJ02, gcoord.WGS84)
    await page.click('.station-add')
    await page.getByLabel('坐标系').selectOption('GCJ02')
    await page.locator('#station-lng').fill(gx.toFixed(6))
    await page.locator('#station-lat').fill(gy.toFixed(6))
    await page.getByRole('button', { name: '在地图上显示' }).click()
    await expect.poll(() => page.locator('#station-converted').innerText()).toBe(`换算为 WGS84：${wx.toFixed(6)}, ${wy.toFixed(6)}`)
    await page.locator('.station-draft').waitFor()
    await page.getByLabel('中文名称（必填）').fill('高德坐标测试站')
    await page.getByLabel('信息来源（必填）').fill('高德地图')
    await page.click('#station-editor button[type=submit]')
    await expect.poll(status, { timeout: 15_000 }).toContain('已保存：高德坐标测试站')
    const row = await suite.server.db.selectFrom('service_point').select('id').where('name_zh', '=', '高德坐标测试站').executeTakeFirstOrThrow()
    const saved = (await stored(row.id))!
    // The server converts from gcj02 once, as the preview did: the same point to 6 decimals (about 0.1 m).
    expect(Math.abs(saved.lng - wx)).toBeLessThan(2e-6)
    expect(Math.abs(saved.lat - wy)).toBeLessThan(2e-6)
    expect(Math.abs(saved.lng - gx)).toBeGreaterThan(0.003) // and not where the GCJ-02 numbers would put it

    await page.locator('.maplibregl-popup .station-actions button', { hasText: '删除' }).click()
    const dialog = page.locator('dialog.station-delete[open]')
    await dialog.getByRole('button', { name: '确认删除' }).click()
    await expect(dialog.locator('[role=alert]').innerText()).resolves.toContain('请填写此项')
    await dialog.getByLabel('删除原因（必填，将记入修改记录）').fill('测试录入，删除')
    await dialog.getByRole('button', { name: '确认删除' }).click()
    await expect.poll(status, { timeout: 15_000 }).toContain('已删除：高德坐标测试站')
    expect(await stored(row.id)).toBeUndefined()
    const audit = await suite.server.query(`{ auditLog(entity: "service_point", entityId: "${row.id}", first: 1) { edges { node { action actor reason } } } }`)
    expect(audit.data.auditLog.edges[0].node).toEqual({ action: 'DELETE', actor: '王五 · 新村镇', reason: '测试录入，删除' })
    await page.goto(`${suite.server.url}/#/history?entity=service_point&id=${row.id}`)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
    await expect.poll(() => page.locator('#page').innerText()).toContain('原因：测试录入，删除')
  })

  it('left no request off 127.0.0.1 and no console error', () => {
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
