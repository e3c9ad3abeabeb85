/**
 * The stewardship journey in Chromium (issue 12, "Done when", first point), one step after another on
 * one server: an admin (made with the server's own repository function, as `npm run user -- create`
 * does) creates a township editor and a county editor in #/users; the township editor signs in (the
 * forced password change first), adds a station in their town by clicking the map, moves it by dragging,
 * marks it ACTIVE with an opening date, records their town's 2024 value of an indicator, and a signed-out
 * visitor sees every change on the public map (popup), the town page and the history with the editor's
 * display name; the township editor is refused on another town (its station, a placement there, its
 * value) and on county-level values, in the page and on the server; the county editor records the
 * county's 2024 actuals of 有效发明专利拥有量 (1810 件) and 专利质押融资登记累计金额 (6000 万元, shown and
 * stored as 60000000) and is warned on 9000 元; a resident (signed out, a fresh browser context) sends a
 * correction, the county editor answers it in #/feedback and the answer is public. axe (WCAG 2 A/AA)
 * finds nothing serious or critical on the pages the journey visits, in Chinese and in English.
 * Requests off 127.0.0.1 are blocked and counted (none); no console errors.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockExternal, collectErrors } from '../setup/browser.ts'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import { clickMapAt, dragMarker, mapReady } from '../setup/station-editing.ts'
import { createUserDirectly, createUserInBrowser, openPage, signInAs, signOutInBrowser, waitForPage } from '../setup/stewards.ts'
import { COUNTY, OTHER_TOWN, TOWN } from '../setup/value-entry.ts'

const PATENTS = 'invention-patents-in-force'
const PLEDGE = 'ip-pledge-financing'
const OTHER_STATION = 'ip-service-410184102' // 辛店镇's station, at its seat
const STATION_NAME = '新村镇知识产权服务站（旅程测试）'
const TOWNSHIP = { username: 'xincun-li', displayName: '李四 · 新村镇' }
const COUNTY_EDITOR = { username: 'county-wang', displayName: '王五 · 市场监管局' }
const PASSWORDS = { root: '管理员的新密码 correct horse', township: 'township editor battery staple', county: 'county editor battery staple' }
const CORRECTION = '服务站的开放时间有误，周六也开放。The station is open on Saturdays too.'
const ANSWER = '已核实，开放时间已更正。Checked; the opening hours are corrected.'

/** Another browser context of the suite's browser, for a visitor who is not signed in: requests off the machine blocked and counted, errors collected. */
interface Visitor {
  context: BrowserContext
  page: Page
  external: string[]
  errors: string[]
}

describe.runIf(backend === 'pglite')('the stewardship journey in Chromium', () => {
  let suite: BrowserSuite
  let page: Page
  let adminOneTime: string
  const oneTime: Record<string, string> = {}
  const visitors: Visitor[] = []
  let seat: [number, number]
  let otherSeat: [number, number]
  let stationId: string
  let stationAt: [number, number]

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    adminOneTime = await createUserDirectly(suite.server.db, { username: 'root', displayName: '管理员甲', role: 'admin' })
    const seats = await suite.server.query(`{ a: region(code: "${TOWN}") { seat } b: region(code: "${OTHER_TOWN}") { seat } }`)
    seat = seats.data.a.seat.coordinates
    otherSeat = seats.data.b.seat.coordinates
  }, 240_000)
  afterAll(async () => {
    for (const v of visitors) await v.context.close().catch(() => undefined)
    await suite?.close()
  })

  async function visitor(): Promise<Visitor> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' })
    const external = await blockExternal(context)
    const visitorPage = await context.newPage()
    const v = { context, page: visitorPage, external, errors: collectErrors(visitorPage) }
    visitors.push(v)
    return v
  }

  async function seriousViolations(on: Page, where: string): Promise<string[]> {
    const result = await new AxeBuilder({ page: on }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(on: Page, language: 'zh' | 'en'): Promise<void> {
    const current = await on.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await on.click('#lang-button')
    await expect.poll(() => on.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  /** axe on the whole page in Chinese, then in English (the page drawn again in place), back to Chinese. */
  async function bothLanguages(where: string, on: Page = page): Promise<string[]> {
    const found = await seriousViolations(on, `zh ${where}`)
    await setLanguage(on, 'en')
    found.push(...(await seriousViolations(on, `en ${where}`)))
    await setLanguage(on, 'zh')
    return found
  }

  /** Opens a map page (`#/` or `#/town/…`) afresh and waits until MapLibre has loaded it. */
  async function openMap(on: Page, hash: string): Promise<void> {
    await on.goto('about:blank')
    await on.goto(`${suite.server.url}/${hash}`)
    await mapReady(on)
  }

  /** Clicks a station's marker (the map brought to it first, as a user zooms in) and waits for its popup. */
  async function openStationPopup(on: Page, at: [number, number], name: string) {
    await on.evaluate(([lng, lat]) => (window as any).map.jumpTo({ center: [lng, lat], zoom: 15 }), at)
    await on.waitForFunction(() => (window as any).map?.loaded?.() && !(window as any).map.isMoving())
    // The station layers draw a moment after the camera stops, and another popup may be open: click until the popup names the station.
    const popup = on.locator('.maplibregl-popup')
    await expect
      .poll(
        async () => {
          const text = (await popup.count()) ? await popup.innerText() : ''
          if (!text.includes(name)) await clickMapAt(on, ...at)
          return text
        },
        { timeout: 15_000 },
      )
      .toContain(name)
    return popup
  }

  /** Sends a GraphQL mutation from the page as the app does (session cookie + CSRF header); returns the first error. */
  async function mutateFromPage(on: Page, query: string, variables: Record<string, unknown>) {
    return on.evaluate(
      async ([q, v]) => {
        const me = (await (await fetch('/auth/me')).json()) as { csrfToken: string }
        const r = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ query: q, variables: v }),
        })
        const body = (await r.json()) as { errors?: { message: string; extensions: { code: string; region?: string } }[] }
        return body.errors?.[0] ?? null
      },
      [query, variables] as const,
    )
  }

  const ENTER_VALUE = 'mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input) { baseValue } }'

  const storedStation = async (id: string) =>
    suite.server.db
      .selectFrom('service_point')
      .select(['name_zh', 'status', 'region_code'])
      .select((eb) => [
        eb.cast<string>('opened_on', 'text').as('opened_on'),
        eb.fn<number>('st_x', ['location']).as('lng'),
        eb.fn<number>('st_y', ['location']).as('lat'),
      ])
      .where('id', '=', id)
      .executeTakeFirst()

  const actual = (indicator: string, region: string) =>
    suite.server.db
      .selectFrom('indicator_value')
      .select(['value', 'status'])
      .where('indicator_code', '=', indicator)
      .where('region_code', '=', region)
      .where('kind', '=', 'ACTUAL')
      .where('year', '=', 2024)
      .executeTakeFirst()

  async function openValueForm(code: string): Promise<string> {
    await page.click(`#ind-${code} button.enter-value`)
    const form = `#vf-${code}`
    await page.locator(form).waitFor()
    return form
  }

  const stationStatus = () => page.locator('.station-status').innerText()

  it('the admin signs in with the one-time password, changes it, and creates a township editor and a county editor in #/users', async () => {
    await openPage(page, suite.server.url, '#/sign-in?next=%23%2Fusers')
    const found = await bothLanguages('#/sign-in')
    await page.fill('#sign-in-username', 'root')
    await page.fill('#sign-in-password', adminOneTime)
    await page.click('#sign-in-submit')
    await waitForPage(page, 'account')
    await expect(page.locator('#must-change-password').innerText()).resolves.toContain('一次性密码')
    found.push(...(await bothLanguages('#/account')))
    await page.fill('#current-password', adminOneTime)
    await page.fill('#new-password', PASSWORDS.root)
    await page.fill('#repeat-password', PASSWORDS.root)
    await page.click('#password-submit')
    await waitForPage(page, 'users')
    found.push(...(await bothLanguages('#/users')))
    oneTime.township = await createUserInBrowser(page, suite.server.url, { ...TOWNSHIP, role: 'township-editor', regions: [TOWN] })
    oneTime.county = await createUserInBrowser(page, suite.server.url, { ...COUNTY_EDITOR, role: 'editor' })
    await expect(page.locator(`#users-table tr[data-user="${TOWNSHIP.username}"] td.towns`).innerText()).resolves.toBe('新村镇')
    await expect(page.locator(`#users-table tr[data-user="${COUNTY_EDITOR.username}"] td.towns`).innerText()).resolves.toBe('全县')
    found.push(...(await bothLanguages('#/users with a one-time password')))
    const users = await suite.server.db.selectFrom('app_user').select(['username', 'display_name', 'role']).orderBy('username').execute()
    expect(users.map((u) => [u.username, u.display_name, u.role])).toEqual([
      [COUNTY_EDITOR.username, COUNTY_EDITOR.displayName, 'editor'],
      ['root', '管理员甲', 'admin'],
      [TOWNSHIP.username, TOWNSHIP.displayName, 'township-editor'],
    ])
    await signOutInBrowser(page)
    expect(found).toEqual([])
  }, 180_000)

  it('the township editor signs in (forced password change), is refused a placement in another town, adds a station in their town by clicking the map', async () => {
    await signInAs(page, suite.server.url, TOWNSHIP.username, oneTime.township, { newPassword: PASSWORDS.township })
    await expect(page.locator('#user-menu summary').innerText()).resolves.toContain(TOWNSHIP.displayName)
    await openMap(page, `#/town/${TOWN}`)
    await page.locator('.station-add').waitFor()
    await page.click('.station-add')
    await clickMapAt(page, ...otherSeat)
    await expect.poll(() => page.locator('#station-place-error').innerText()).toContain('您只能在负责的乡镇添加或移动站点：新村镇')
    await expect(page.locator('.station-draft').count()).resolves.toBe(0)
    const placed: [number, number] = [seat[0] + 0.004, seat[1] - 0.003]
    await clickMapAt(page, ...placed)
    await page.locator('.station-draft').waitFor()
    await expect.poll(async () => Number(await page.locator('#station-lng').inputValue())).toBeCloseTo(placed[0], 3)
    await page.getByLabel('中文名称（必填）').fill(STATION_NAME)
    await page.locator('#station-openingHours').fill('工作日 9:00–17:00')
    await page.getByLabel('信息来源（必填）').fill('新村镇人民政府公告')
    await page.click('#station-editor button[type=submit]')
    await expect.poll(stationStatus, { timeout: 15_000 }).toContain(`已保存：${STATION_NAME}`)
    stationId = (await suite.server.db.selectFrom('service_point').select('id').where('name_zh', '=', STATION_NAME).executeTakeFirstOrThrow()).id
    const saved = (await storedStation(stationId))!
    expect(saved).toMatchObject({ status: 'PLANNED', region_code: TOWN })
    expect(saved.lng).toBeCloseTo(placed[0], 3)
    expect(saved.lat).toBeCloseTo(placed[1], 3)
  }, 180_000)

  it('moves it by dragging (移动位置, 保存新位置) and marks it ACTIVE with an opening date', async () => {
    const before = (await storedStation(stationId))!
    const popup = page.locator('.maplibregl-popup')
    await popup.locator('.station-actions button', { hasText: '移动位置' }).click()
    await page.locator('.station-moving').waitFor()
    stationAt = [before.lng - 0.003, before.lat + 0.002]
    await dragMarker(page, '.station-moving', [before.lng, before.lat], stationAt)
    await page.getByRole('button', { name: '保存新位置' }).click()
    await expect.poll(stationStatus, { timeout: 15_000 }).toContain('新位置已保存')
    const moved = (await storedStation(stationId))!
    expect(moved.lng).toBeCloseTo(stationAt[0], 3)
    expect(moved.lat).toBeCloseTo(stationAt[1], 3)
    expect(moved.region_code).toBe(TOWN)
    stationAt = [moved.lng, moved.lat]

    const open = await openStationPopup(page, stationAt, STATION_NAME)
    await open.locator('.station-actions button', { hasText: '编辑' }).click()
    await page.locator('#station-status').selectOption('ACTIVE')
    await page.locator('#station-openedOn').fill('2025-03-18')
    // The move's message (新位置已保存：…) went when the form opened, so this one is the edit's own.
    expect(await stationStatus()).toBe('')
    await page.click('#station-editor button[type=submit]')
    await expect.poll(stationStatus, { timeout: 15_000 }).toBe(`已保存：${STATION_NAME}`)
    expect(await storedStation(stationId)).toMatchObject({ status: 'ACTIVE', opened_on: '2025-03-18' })
  }, 180_000)

  it("is refused another town's station: its popup offers no editing, and the server answers FORBIDDEN naming the town", async () => {
    // The county map (a town's page draws that town's stations only).
    await openMap(page, '#/')
    const popup = await openStationPopup(page, otherSeat, '辛店镇')
    await expect(popup.locator('.station-actions').count()).resolves.toBe(0)
    const refused = await mutateFromPage(page, 'mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id } }', {
      input: { id: OTHER_STATION, address: '辛店镇便民服务大厅' },
    })
    expect(refused?.extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER_TOWN })
    expect(refused?.message).toContain(OTHER_TOWN)
    const placedThere = await mutateFromPage(page, 'mutation ($input: ServicePointInput!) { upsertServicePoint(input: $input) { id } }', {
      input: {
        id: 'station-journey-elsewhere',
        nameZh: '别处的站',
        kind: 'IP_SERVICE_STATION',
        status: 'PLANNED',
        lng: otherSeat[0],
        lat: otherSeat[1],
        source: '测试',
      },
    })
    expect(placedThere?.extensions).toMatchObject({ code: 'FORBIDDEN', region: OTHER_TOWN })
    expect(placedThere?.message).toContain(OTHER_TOWN)
    expect(await storedStation('station-journey-elsewhere')).toBeUndefined()
    const other = await suite.server.db.selectFrom('service_point').select('address').where('id', '=', OTHER_STATION).executeTakeFirstOrThrow()
    expect(other.address).not.toBe('辛店镇便民服务大厅')
  }, 180_000)

  it("records their town's 2024 value of 有效发明专利拥有量, and is offered (and allowed) neither another town nor the county", async () => {
    await openPage(page, suite.server.url, '#/indicators')
    const form = await openValueForm(PATENTS)
    const options = await page.locator(`${form}-region option`).evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value))
    expect(options).toEqual([TOWN])
    await page.selectOption(`${form}-year`, '2024')
    await page.fill(`${form}-value`, '120')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 120 件')
    await page.fill(`${form}-source`, '新村镇 2024 年工作总结')
    const found = await seriousViolations(page, 'zh #/indicators with the value form')
    await page.click(`${form} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PATENTS}-saved`).innerText(), { timeout: 15_000 }).toContain('新村镇')
    expect(await actual(PATENTS, TOWN)).toMatchObject({ value: '120', status: 'PROVISIONAL' })
    await setLanguage(page, 'en')
    found.push(...(await seriousViolations(page, 'en #/indicators')))
    await setLanguage(page, 'zh')
    for (const region of [OTHER_TOWN, COUNTY]) {
      const refused = await mutateFromPage(page, ENTER_VALUE, {
        input: { indicator: PATENTS, region, year: 2024, value: 1, unit: '件', source: '越权测试', status: 'FINAL' },
      })
      expect(refused?.extensions.code, region).toBe('FORBIDDEN')
      expect(refused?.message).toContain(region)
      expect(await actual(PATENTS, region), region).toBeUndefined()
    }
    expect(found).toEqual([])
  }, 180_000)

  it("shows every change to a signed-out visitor: the public map's popup, the town page and the history with the editor's name", async () => {
    const v = await visitor()
    await openMap(v.page, '#/')
    const popup = await openStationPopup(v.page, stationAt, STATION_NAME)
    const text = await popup.innerText()
    expect(text).toContain('运行中')
    expect(text).toContain('2025-03-18')
    expect(text).toContain('工作日 9:00–17:00')
    await expect(popup.locator('.station-actions').count()).resolves.toBe(0)
    const found = await bothLanguages('#/ with the popup', v.page)

    await openMap(v.page, `#/town/${TOWN}`)
    await expect.poll(() => v.page.locator('#panel').innerText(), { timeout: 10_000 }).toContain(STATION_NAME)
    const row = v.page.locator('#panel table.indicator-values tr', { hasText: '有效发明专利拥有量' }).filter({ hasText: '2024' })
    await expect(row.innerText()).resolves.toMatch(/120\s*件/)
    await expect(row.innerText()).resolves.toContain('新村镇 2024 年工作总结')
    found.push(...(await bothLanguages(`#/town/${TOWN}`, v.page)))

    await openPage(v.page, suite.server.url, `#/history?entity=service_point&id=${stationId}`)
    const history = await v.page.locator('#page').innerText()
    expect(history).toContain(TOWNSHIP.displayName)
    expect(history).toContain('启用日期')
    expect(await v.page.locator('li.history-entry').count()).toBe(3) // added, moved, made ACTIVE
    found.push(...(await bothLanguages('#/history of the station', v.page)))

    const valueEntry = await suite.server.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor'])
      .where('entity', '=', 'indicator_value')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(valueEntry.actor).toBe(TOWNSHIP.displayName)
    await openPage(v.page, suite.server.url, `#/history?${new URLSearchParams({ entity: 'indicator_value', id: valueEntry.entity_id }).toString()}`)
    await expect(v.page.locator('li.history-entry').first().innerText()).resolves.toContain(TOWNSHIP.displayName)
    found.push(...(await bothLanguages('#/history of the value', v.page)))
    expect(found).toEqual([])
  }, 240_000)

  it("the county editor records the county's 2024 有效发明专利拥有量 as 1810 件", async () => {
    await signOutInBrowser(page)
    await signInAs(page, suite.server.url, COUNTY_EDITOR.username, oneTime.county, { newPassword: PASSWORDS.county })
    await openPage(page, suite.server.url, '#/indicators')
    const form = await openValueForm(PATENTS)
    await expect(page.locator(`${form}-region option`).first().getAttribute('value')).resolves.toBe(COUNTY)
    await page.selectOption(`${form}-region`, COUNTY)
    await page.selectOption(`${form}-year`, '2024')
    await page.fill(`${form}-value`, '1810')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 1810 件')
    await page.fill(`${form}-source`, '2024年新郑市国民经济和社会发展统计公报')
    await page.selectOption(`${form}-status`, 'FINAL')
    await page.click(`${form} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PATENTS}-saved`).innerText(), { timeout: 15_000 }).toContain('已保存')
    expect(await actual(PATENTS, COUNTY)).toMatchObject({ value: '1810', status: 'FINAL' })
  }, 180_000)

  it('is warned on 9000 元 of 专利质押融资登记累计金额, sees 60000000 before saving 6000 万元, and the API returns 60000000', async () => {
    const form = await openValueForm(PLEDGE)
    await page.selectOption(`${form}-region`, COUNTY)
    await page.selectOption(`${form}-year`, '2024')
    await page.selectOption(`${form}-unit`, '元')
    await page.fill(`${form}-value`, '9000')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 9000 元')
    await page.locator(`${form}-warning-box`).waitFor({ state: 'visible' })
    await expect(page.locator(`${form}-warnings li`).count()).resolves.toBeGreaterThan(0)
    const found = await seriousViolations(page, 'zh #/indicators with the warnings')
    await page.fill(`${form}-source`, '新郑市市场监督管理局 2024 年报')
    await page.click(`${form} button[type=submit]`)
    await expect(page.locator(`${form}-confirm-error`).innerText()).resolves.toContain('我已核对')
    expect(await actual(PLEDGE, COUNTY)).toBeUndefined()
    await page.selectOption(`${form}-unit`, '万元')
    await page.fill(`${form}-value`, '6000')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 60000000 元')
    await expect(page.locator(`${form}-warning-box`).isHidden()).resolves.toBe(true)
    await page.click(`${form} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PLEDGE}-saved`).innerText(), { timeout: 15_000 }).toContain('6000 万元')
    const api = await suite.server.query(`{ indicator(code: "${PLEDGE}") { actuals(region: "${COUNTY}") { year kind value } } }`)
    expect(api.errors).toBeUndefined()
    expect(api.data.indicator.actuals.filter((a: { year: number }) => a.year === 2024)).toEqual([{ year: 2024, kind: 'ACTUAL', value: 60000000 }])
    expect(found).toEqual([])
  }, 180_000)

  it('a resident (signed out, a fresh context) sends a correction about the station; the county editor answers it in #/feedback; the answer is public', async () => {
    const resident = await visitor()
    await openMap(resident.page, `#/town/${TOWN}`)
    await openStationPopup(resident.page, stationAt, STATION_NAME)
    await resident.page.locator(`.maplibregl-popup button[data-feedback-subject="SERVICE_POINT:${stationId}"]`).click()
    const dialog = resident.page.locator('dialog.feedback-dialog[open]')
    await dialog.waitFor()
    await dialog.getByLabel('内容（纯文本，最多 2000 字）').fill(CORRECTION)
    await dialog.getByLabel('答复后可公开我的留言和答复').check()
    await dialog.getByLabel('可以联系我（联系方式不会公开）').check()
    await dialog.getByLabel('联系方式（电话或电子邮箱）').fill('resident@example.org')
    const found = await seriousViolations(resident.page, 'zh feedback form')
    await dialog.locator('button[type=submit]').click()
    await expect(dialog.locator('.feedback-sent').innerText()).resolves.toMatch(/已收到，编号 #\d+/)
    await dialog.locator('button.primary').click()

    await openPage(page, suite.server.url, '#/feedback')
    const item = page.locator('li.feedback-item', { hasText: CORRECTION })
    await expect(item.innerText()).resolves.toContain('resident@example.org')
    found.push(...(await bothLanguages('#/feedback')))
    await item.getByLabel('答复内容').fill(ANSWER)
    await item.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('#feedback-notice').innerText()).toMatch(/已答复 #\d+/)
    const audit = await suite.server.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity', '=', 'feedback')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ actor: COUNTY_EDITOR.displayName, action: 'ANSWER' })

    await openMap(resident.page, `#/town/${TOWN}`)
    await openStationPopup(resident.page, stationAt, STATION_NAME)
    const published = resident.page.locator('.maplibregl-popup .published-feedback')
    await published.locator('.feedback-answer').waitFor()
    const text = await published.innerText()
    expect(text).toContain(ANSWER)
    expect(text).toContain(CORRECTION)
    expect(text).not.toContain('resident@example.org')
    expect(found).toEqual([])
  }, 240_000)

  it('sent nothing off the machine and logged no console error, in any context', () => {
    expect([...suite.external, ...visitors.flatMap((v) => v.external)]).toEqual([])
    expect([...suite.errors, ...visitors.flatMap((v) => v.errors)]).toEqual([])
  })
})
