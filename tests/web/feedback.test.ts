/**
 * Public feedback and undo in Chromium: a resident sends a correction from a station's popup (no
 * account), an editor (bearer token in sessionStorage, `ipc.token`) answers it in #/feedback, and the
 * answer shows publicly in the popup; the history shows a change in words and the editor reverts it.
 * axe (WCAG 2 A/AA) finds nothing serious on the form, the queue and the history in both languages.
 * Requests off 127.0.0.1 are blocked and counted.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { openBrowserSuite, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'

const STATION = 'ip-service-410184107'
const MESSAGE = '站点已迁至镇政府东侧 <5 km & 新址。The station moved east of the town hall.'
const ANSWER = '已核实并更正地址。Checked; the address is corrected.'

describe.runIf(backend === 'pglite')('public feedback and undo in Chromium', () => {
  let suite: BrowserSuite
  let page: Page
  let editor: string

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    editor = (await createToken(suite.server.db, 'browser-editor', 'editor', { purpose: '市场监管局' })).token
  }, 240_000)
  afterAll(() => suite?.close())

  const url = (hash: string) => `${suite.server.url}/${hash}`

  async function seriousViolations(where: string, include?: string): Promise<string[]> {
    const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa'])
    const result = await (include ? builder.include(include) : builder).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  async function openStationPopup(): Promise<void> {
    await page.goto(url('#/'))
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await page.waitForFunction(() => (window as any).map?.loaded?.())
    const [x, y] = await page.evaluate(() => {
      const p = (window as any).map.project([113.8005, 34.5822])
      return [p.x, p.y]
    })
    const canvas = (await page.locator('#map canvas').boundingBox())!
    await page.mouse.click(canvas.x + x, canvas.y + y)
    await page.locator('.maplibregl-popup').waitFor()
  }

  async function pageReady(hash: string): Promise<void> {
    await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
    await page.goto(url(hash))
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true')
  }

  it('lets a resident send a correction from a station popup: labelled fields, errors read out, focus returned', async () => {
    await openStationPopup()
    const button = page.locator(`.maplibregl-popup button[data-feedback-subject="SERVICE_POINT:${STATION}"]`)
    await expect(button.innerText()).resolves.toContain('报错/纠错')
    await button.click()
    const dialog = page.locator('dialog.feedback-dialog[open]')
    await dialog.waitFor()
    const found = await seriousViolations('zh form', 'dialog.feedback-dialog')
    // Sending nothing: the error is read out (role=alert) and tied to the field.
    await dialog.locator('button[type=submit]').click()
    await expect(dialog.locator('[role=alert]').innerText()).resolves.toContain('请填写内容')
    await expect(dialog.locator('textarea').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA')
    await dialog.getByLabel('内容（纯文本，最多 2000 字）').fill(MESSAGE)
    await dialog.getByLabel('答复后可公开我的留言和答复').check()
    await dialog.getByLabel('可以联系我（联系方式不会公开）').check()
    await dialog.getByLabel('联系方式（电话或电子邮箱）').fill('resident@example.org')
    await dialog.locator('button[type=submit]').click()
    await expect(dialog.locator('.feedback-sent').innerText()).resolves.toMatch(/已收到，编号 #\d+/)
    await dialog.locator('button.primary').click()
    // The dialog leaves the page on its `close` event, which the browser fires in a later task than the click.
    await page.locator('dialog.feedback-dialog').waitFor({ state: 'detached', timeout: 5000 })
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.feedbackSubject)).resolves.toBe(`SERVICE_POINT:${STATION}`)
    const rows = await suite.server.db.selectFrom('feedback').select(['subject_id', 'message', 'contact', 'publish']).execute()
    expect(rows).toEqual([{ subject_id: STATION, message: MESSAGE, contact: 'resident@example.org', publish: true }])
    expect(found).toEqual([])
  }, 120_000)

  it('lets an editor answer it in #/feedback (token in sessionStorage), axe-clean in both languages', async () => {
    await page.evaluate((token) => sessionStorage.setItem('ipc.token', token), editor)
    await pageReady('#/feedback')
    const item = page.locator('li.feedback-item').first()
    await expect(item.locator('.feedback-message').innerText()).resolves.toBe(MESSAGE)
    await expect(item.innerText()).resolves.toContain('resident@example.org')
    const found = await seriousViolations('zh #/feedback')
    await item.getByLabel('答复内容').fill(ANSWER)
    await item.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('#feedback-notice').innerText()).toMatch(/已答复 #\d+/)
    await expect(page.locator('li.feedback-item').first().getAttribute('data-status')).resolves.toBe('ANSWERED')
    await setLanguage('en')
    await expect(page.locator('h2#page-title').innerText()).resolves.toBe('Feedback queue')
    found.push(...(await seriousViolations('en #/feedback')))
    await setLanguage('zh')
    expect(found).toEqual([])
  }, 120_000)

  it('shows the answer publicly in the popup, as text, without the contact', async () => {
    await page.evaluate(() => sessionStorage.removeItem('ipc.token'))
    await openStationPopup()
    const published = page.locator('.maplibregl-popup .published-feedback')
    await published.locator('.feedback-answer').waitFor()
    const text = await published.innerText()
    expect(text).toContain(ANSWER)
    expect(text).toContain('市场监管局')
    expect(text).not.toContain('resident@example.org')
    await expect(published.locator('.feedback-message').innerText()).resolves.toBe(MESSAGE)
    await expect(published.locator('.feedback-message *').count()).resolves.toBe(0)
  }, 120_000)

  it('draws the form in English after the switch, axe-clean, and closes with Escape', async () => {
    await page.goto(url('#/'))
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
    await setLanguage('en')
    await openStationPopup()
    await page.locator(`.maplibregl-popup button[data-feedback-subject="SERVICE_POINT:${STATION}"]`).click()
    const dialog = page.locator('dialog.feedback-dialog[open]')
    await dialog.waitFor()
    await expect(dialog.locator('h2').innerText()).resolves.toContain('Report a problem')
    await expect(dialog.getByLabel('Message (plain text, at most 2000 characters)').count()).resolves.toBe(1)
    const found = await seriousViolations('en form', 'dialog.feedback-dialog')
    await page.keyboard.press('Escape')
    // The dialog leaves the page on its `close` event, which the browser fires in a later task than the click.
    await page.locator('dialog.feedback-dialog').waitFor({ state: 'detached', timeout: 5000 })
    await setLanguage('zh')
    expect(found).toEqual([])
  }, 120_000)

  it('shows a change in words in the history, and lets the editor revert it; axe-clean in both languages', async () => {
    const changed = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({ query: `mutation { upsertServicePoint(input: { id: "${STATION}", address: "错误的地址", locationQuality: SURVEYED }) { id } }` }),
    })
    expect(changed.status).toBe(200)
    await page.evaluate((token) => sessionStorage.setItem('ipc.token', token), editor)
    await pageReady(`#/history?entity=service_point&id=${STATION}`)
    const entry = page.locator('li.history-entry').first()
    const text = await entry.innerText()
    expect(text).toContain('地址：')
    expect(text).toContain('位置精度：')
    expect(text).toContain('实地测量')
    expect(text).not.toContain('location_quality')
    const found = await seriousViolations('zh #/history')
    await entry.locator('button.revert-button').click()
    await entry.getByLabel('撤销原因').fill('地址填错')
    await entry.locator('form button[type=submit]').click()
    await expect.poll(() => page.locator('#history-notice').innerText()).toMatch(/已撤销，新记录 #\d+/)
    await expect(page.locator('li.history-entry').first().innerText()).resolves.toContain('撤销第')
    const rows = await suite.server.db.selectFrom('service_point').select(['address', 'location_quality']).where('id', '=', STATION).execute()
    expect(rows[0].address).not.toBe('错误的地址')
    await setLanguage('en')
    await expect(page.locator('li.history-entry').nth(1).innerText()).resolves.toContain('Location quality: ')
    found.push(...(await seriousViolations('en #/history')))
    await setLanguage('zh')
    expect(found).toEqual([])
  }, 120_000)

  it('made no external request and logged no console error', () => {
    expect(suite.external).toEqual([])
    expect(suite.errors).toEqual([])
  })
})
