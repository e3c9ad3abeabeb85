/**
 * Stewards' entries in Chromium, signed in with a session (POST /auth/sign-in from the page): a county
 * editor records the county's 2024 actuals of 有效发明专利拥有量 (1810 件) and 专利质押融资登记累计金额
 * (6000 万元, shown as "将存为 60000000 元" before saving, warned on 9000 元); a township editor records
 * their town's value and is offered (and allowed) no county-level value; a task status is reported and
 * shown; a CSV is uploaded, its dry run shown and applied. axe (WCAG 2 A/AA) finds nothing serious on
 * the forms in Chinese and English. Requests off 127.0.0.1 are blocked and counted.
 */
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import { COUNTY, createSteward, openPage, signInPage, TOWN, valuesCsv } from '../setup/value-entry.ts'

const PATENTS = 'invention-patents-in-force'
const PLEDGE = 'ip-pledge-financing'

describe.runIf(backend === 'pglite')('stewards’ entries in Chromium', () => {
  let suite: BrowserSuite
  let page: Page

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    await createSteward(suite.server.db, 'county', 'editor', { displayName: '王五 · 市场监管局' })
    await createSteward(suite.server.db, 'xincun', 'township-editor', { regions: [TOWN], displayName: '李四 · 新村镇' })
  }, 240_000)
  afterAll(() => suite?.close())

  async function seriousViolations(where: string, include: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include(include).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  /** axe on a selector in both languages (the page is redrawn in English, `reopen` draws the form again), back to Chinese. */
  async function axeBoth(where: string, selector: string, reopen: () => Promise<void> = async () => {}): Promise<string[]> {
    const found = await seriousViolations(`${where} zh`, selector)
    await setLanguage('en')
    await reopen()
    found.push(...(await seriousViolations(`${where} en`, selector)))
    await setLanguage('zh')
    return found
  }

  const actual = (indicator: string, region = COUNTY) =>
    suite.server.db
      .selectFrom('indicator_value')
      .select(['value', 'status', 'source'])
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

  it("a county editor records the county's 2024 有效发明专利拥有量 as 1810 件 and the card shows it with its status", async () => {
    await signInPage(page, suite.server.url, 'county', '#/indicators')
    const form = await openValueForm(PATENTS)
    await expect(page.locator(`${form}-region option`).first().getAttribute('value')).resolves.toBe(COUNTY)
    await page.selectOption(`${form}-year`, '2024')
    await page.fill(`${form}-value`, '1810')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 1810 件')
    await page.fill(`${form}-source`, '2024年新郑市国民经济和社会发展统计公报')
    await page.selectOption(`${form}-status`, 'FINAL')
    expect(await axeBoth('value form', form, async () => void (await openValueForm(PATENTS)))).toEqual([])
    // The redraw in English and back dropped the open form: open it again and fill it in.
    const again = await openValueForm(PATENTS)
    await page.selectOption(`${again}-year`, '2024')
    await page.fill(`${again}-value`, '1810')
    await page.fill(`${again}-source`, '2024年新郑市国民经济和社会发展统计公报')
    await page.selectOption(`${again}-status`, 'FINAL')
    await page.click(`${again} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PATENTS}-saved`).innerText(), { timeout: 15_000 }).toContain('已保存')
    const row2024 = page.locator(`#ind-${PATENTS}-table tbody tr`, { has: page.locator('th', { hasText: '2024' }) })
    await expect(row2024.locator('td').nth(1).innerText()).resolves.toMatch(/1,?810.*（最终）/)
    expect(await actual(PATENTS)).toMatchObject({ value: '1810', status: 'FINAL' })
  })

  it('keeps an open form, and what was typed in it, when the page is drawn again (same page, same language)', async () => {
    const form = await openValueForm(PLEDGE)
    await page.fill(`${form}-value`, '123')
    // A redraw of #/indicators: the address asks for another card (a new visit of the same page).
    await page.evaluate((code) => (location.hash = `#/indicators?focus=${code}`), PATENTS)
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true' && location.hash.includes('focus='))
    await expect(page.locator(`${form}-value`).inputValue()).resolves.toBe('123')
    await expect(page.locator(`#ind-${PLEDGE} button.enter-value`).getAttribute('aria-expanded')).resolves.toBe('true')
    // Cancel closes it, in the page as it is now.
    await page.locator(`${form} .actions button[type=button]`).click()
    await expect(page.locator(form).count()).resolves.toBe(0)
    await expect(page.locator(`#ind-${PLEDGE} button.enter-value`).getAttribute('aria-expanded')).resolves.toBe('false')
    await page.evaluate(() => (location.hash = '#/indicators'))
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true' && !location.hash.includes('focus='))
  })

  it('stores 6000 万元 of 专利质押融资登记累计金额 as 60000000 (shown before saving) and warns on 9000 元', async () => {
    const form = await openValueForm(PLEDGE)
    await page.selectOption(`${form}-year`, '2024')
    await page.selectOption(`${form}-unit`, '元')
    await page.fill(`${form}-value`, '9000')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 9000 元')
    await page.locator(`${form}-warning-box`).waitFor({ state: 'visible' })
    await expect(page.locator(`${form}-warnings li`).count()).resolves.toBeGreaterThan(0)
    expect(await seriousViolations('value form with warnings', form)).toEqual([])
    await page.locator(form).screenshot({ path: path.join(SCREENSHOTS, 'value-form-warnings.png') })
    // Saving needs 我已核对.
    await page.fill(`${form}-source`, '新郑市市场监督管理局 2024 年报')
    await page.click(`${form} button[type=submit]`)
    await expect(page.locator(`${form}-confirm-error`).innerText()).resolves.toContain('我已核对')
    expect(await actual(PLEDGE)).toBeUndefined()
    // Meant 6000 万元: the warnings go, and the stored value shows before saving.
    await page.selectOption(`${form}-unit`, '万元')
    await page.fill(`${form}-value`, '6000')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 60000000 元')
    await expect(page.locator(`${form}-warning-box`).isHidden()).resolves.toBe(true)
    await page.click(`${form} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PLEDGE}-saved`).innerText(), { timeout: 15_000 }).toContain('6000 万元')
    expect(await actual(PLEDGE)).toMatchObject({ value: '60000000', status: 'PROVISIONAL' })
  })

  it("a township editor records their town's 2024 value and is refused county-level values", async () => {
    await signInPage(page, suite.server.url, 'xincun', '#/indicators')
    const form = await openValueForm(PATENTS)
    const options = await page.locator(`${form}-region option`).evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value))
    expect(options).toEqual([TOWN])
    await page.selectOption(`${form}-year`, '2024')
    await page.fill(`${form}-value`, '120')
    await expect.poll(() => page.locator(`${form}-preview`).innerText()).toBe('将存为 120 件')
    await page.fill(`${form}-source`, '新村镇 2024 年工作总结')
    await page.click(`${form} button[type=submit]`)
    await expect.poll(() => page.locator(`#ind-${PATENTS}-saved`).innerText(), { timeout: 15_000 }).toContain('新村镇')
    expect(await actual(PATENTS, TOWN)).toMatchObject({ value: '120', status: 'PROVISIONAL' })
    // The county's own value, sent as the form would (session cookie + CSRF): FORBIDDEN naming the county.
    const refused = await page.evaluate(async (county) => {
      const me = (await (await fetch('/auth/me')).json()) as { csrfToken: string }
      const r = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          query: 'mutation ($input: IndicatorValueEntryInput!) { enterIndicatorValue(input: $input) { baseValue } }',
          variables: { input: { indicator: 'invention-patents-in-force', region: county, year: 2024, value: 1, unit: '件', source: 'x', status: 'FINAL' } },
        }),
      })
      return ((await r.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]
    }, COUNTY)
    expect(refused.extensions.code).toBe('FORBIDDEN')
    expect(refused.message).toContain(COUNTY)
    expect(await actual(PATENTS)).toMatchObject({ value: '1810' })
    // No task status form for a township editor (the plan's tasks are the county's).
    await openPage(page, suite.server.url, '#/plan')
    await expect(page.locator('button.report-status').count()).resolves.toBe(0)
  })

  it('a county editor reports a task status (an evidence link checked first) and the plan shows it', async () => {
    await signInPage(page, suite.server.url, 'county', '#/plan')
    const task = page.locator('li.task').first()
    const code = (await task.getAttribute('data-code'))!
    const id = `#tsf-${code.replace(/\./g, '-')}`
    await task.locator('button.report-status').click()
    await page.locator(id).waitFor()
    expect(await axeBoth('task status form', id, async () => void (await page.locator('li.task').first().locator('button.report-status').click()))).toEqual([])
    await page.locator('li.task').first().locator('button.report-status').click()
    await page.locator(id).waitFor()
    await page.selectOption(`${id}-status`, 'DONE')
    await page.fill(`${id}-note`, '已完成年度培训 8 场')
    await page.fill(`${id}-evidenceUrl`, 'not a link')
    await page.click(`${id} button[type=submit]`)
    await expect(page.locator(`${id}-evidenceUrl-error`).innerText()).resolves.toContain('http')
    await page.fill(`${id}-evidenceUrl`, 'https://www.xinzheng.gov.cn/notice/2024-training.html')
    await page.click(`${id} button[type=submit]`)
    const done = page.locator(`li.task[data-code="${code}"] .progress li[data-status="DONE"]`)
    await done.waitFor({ timeout: 15_000 })
    await expect(done.innerText()).resolves.toContain('已完成年度培训 8 场')
    const stored = await suite.server.db.selectFrom('task_status').select(['status', 'evidence_url']).where('task_code', '=', code).execute()
    expect(stored).toEqual([{ status: 'DONE', evidence_url: 'https://www.xinzheng.gov.cn/notice/2024-training.html' }])
  })

  it('uploads a CSV: the dry run lists problems by line and column, a good file shows its changes and is applied', async () => {
    await openPage(page, suite.server.url, '#/upload')
    const bad = valuesCsv([
      [PATENTS, TOWN, 2025, 130, '新村镇统计', 'PROVISIONAL'],
      [PATENTS, TOWN, '20x5', 130, '新村镇统计', 'PROVISIONAL'],
    ])
    await page.setInputFiles('#upload-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await page.locator('#upload-chosen').waitFor()
    await page.click('#upload-dry-run')
    await page.locator('#upload-problems').waitFor()
    const cells = await page.locator('#upload-problems tbody tr').first().locator('td').allInnerTexts()
    expect(cells.slice(0, 2)).toEqual(['3', 'year'])
    await expect(page.locator('#upload-apply').count()).resolves.toBe(0)
    expect(await axeBoth('upload problems', '.upload-page')).toEqual([])

    const good = valuesCsv([
      [PATENTS, COUNTY, 2025, 1900, '2025年统计公报', 'PROVISIONAL'],
      [PATENTS, TOWN, 2025, 130, '新村镇统计', 'PROVISIONAL'],
    ])
    await page.setInputFiles('#upload-file', { name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.locator('#upload-chosen').waitFor()
    await page.click('#upload-dry-run')
    await page.locator('#upload-changes').waitFor()
    await expect(page.locator('#upload-summary').innerText()).resolves.toContain('新增 2，更新 0，未变 0')
    await expect(page.locator('#upload-changes tbody tr').count()).resolves.toBe(2)
    const written = () =>
      suite.server.db
        .selectFrom('indicator_value')
        .select(['region_code', 'value'])
        .where('year', '=', 2025)
        .where('kind', '=', 'ACTUAL')
        .orderBy('region_code')
        .execute()
    expect(await written()).toEqual([])
    expect(await axeBoth('upload dry run', '.upload-page')).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'upload-dry-run.png'), fullPage: true })
    await page.click('#upload-apply')
    await expect.poll(() => page.locator('#upload-summary').innerText(), { timeout: 15_000 }).toContain('已应用：新增 2')
    expect(await written()).toEqual([
      { region_code: COUNTY, value: '1900' },
      { region_code: TOWN, value: '130' },
    ])
    const audit = await suite.server.db.selectFrom('audit_log').select('actor').where('action', '=', 'IMPORT').orderBy('id', 'desc').executeTakeFirst()
    expect(audit?.actor).toBe('王五 · 市场监管局')
  })

  it('sent nothing off the machine and logged no page errors', () => {
    expect(suite.external).toEqual([])
    // The bad file's dry run is answered 422 (its problems): Chromium logs that status, nothing else is expected.
    expect(suite.errors.filter((e) => !/status of 422/.test(e))).toEqual([])
  })
})
