/**
 * Accounts in Chromium: the first admin (made with the server's own repository function, as
 * `npm run user -- create` does) signs in through #/sign-in, is refused a wrong password, changes the
 * one-time password first, creates a township editor and a county editor in #/users and reads their
 * one-time passwords; the township editor signs in, changes theirs, sees their name in the header and is
 * refused #/users; a disabled user and a locked one are refused with the reason. The header keeps one row
 * at 1280 px in both languages; axe (WCAG 2 A/AA) finds nothing serious on the three pages in either.
 * Requests off 127.0.0.1 are blocked and counted.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listUsers } from '../../server/src/users/user.repository.ts'
import path from 'node:path'
import { openBrowserSuite, SCREENSHOTS, type BrowserSuite } from '../setup/browser-suite.ts'
import { backend } from '../setup/database.ts'
import {
  changePasswordInBrowser,
  createUserDirectly,
  createUserInBrowser,
  openPage,
  signInAs,
  signOutInBrowser,
  trySignIn,
  waitForPage,
} from '../setup/stewards.ts'

/** 新村镇: a real town of the county (db/data/xinzheng). */
const XINCUN = '410184101'
const ADMIN_PASSWORD = '管理员的新密码 correct horse'
const TOWNSHIP_PASSWORD = 'township editor battery staple'

describe.runIf(backend === 'pglite')('accounts in Chromium', () => {
  let suite: BrowserSuite
  let page: Page
  let adminOneTime: string
  const passwords: Record<string, string> = {}

  beforeAll(async () => {
    suite = await openBrowserSuite()
    page = suite.page
    adminOneTime = await createUserDirectly(suite.server.db, { username: 'root', displayName: '管理员甲', role: 'admin' })
    await suite.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
  }, 240_000)
  afterAll(() => suite?.close())

  async function seriousViolations(where: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
  }

  async function setLanguage(language: 'zh' | 'en'): Promise<void> {
    const current = await page.evaluate(() => document.documentElement.lang)
    if ((language === 'en') !== (current === 'en')) await page.click('#lang-button')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN')
  }

  /** axe in Chinese, then in English (the page drawn again in place), back to Chinese. */
  async function bothLanguages(where: string): Promise<string[]> {
    const found = await seriousViolations(`zh ${where}`)
    await setLanguage('en')
    found.push(...(await seriousViolations(`en ${where}`)))
    await setLanguage('zh')
    return found
  }

  /** Whether every visible part of the header lies on one row (their vertical extents overlap), and the header's height. */
  async function headerRows(): Promise<{ oneRow: boolean; height: number; parts: string[] }> {
    return page.evaluate(() => {
      const header = document.getElementById('header')!
      const parts = [...header.children].filter((el) => getComputedStyle(el).position !== 'absolute' && (el as HTMLElement).offsetParent !== null)
      const boxes = parts.map((el) => el.getBoundingClientRect())
      return {
        oneRow: Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)),
        height: header.getBoundingClientRect().height,
        parts: parts.map((el) => {
          const b = el.getBoundingClientRect()
          return `${el.tagName.toLowerCase()}#${el.id} ${Math.round(b.width)}×${Math.round(b.height)}@${Math.round(b.left)},${Math.round(b.top)}`
        }),
      }
    })
  }

  it('asks for sign-in on #/users, refuses a wrong password with the focus on the message, axe-clean in both languages', async () => {
    await openPage(page, suite.server.url, '#/users')
    await expect(page.locator('#sign-in-required').innerText()).resolves.toContain('请先登录')
    await expect(page.locator('#sign-in-link').innerText()).resolves.toBe('登录')
    await page.click('#sign-in-required-link')
    await waitForPage(page, 'sign-in')
    expect(await page.evaluate(() => location.hash)).toBe('#/sign-in?next=%23%2Fusers')
    const found = await bothLanguages('#/sign-in')
    // Nothing typed: the field says so and has the focus.
    await page.click('#sign-in-submit')
    await expect(page.locator('#sign-in-username-error').innerText()).resolves.toBe('请填写用户名。')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-username')
    await expect(page.locator('#sign-in-username').getAttribute('aria-invalid')).resolves.toBe('true')
    await page.fill('#sign-in-username', 'root')
    await page.fill('#sign-in-password', 'not the password')
    await page.click('#sign-in-submit')
    await expect.poll(() => page.locator('#sign-in-error').innerText()).toContain('用户名或密码错误')
    await expect(page.locator('#sign-in-error').getAttribute('role')).resolves.toBe('alert')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-error')
    // The password field is emptied; the same words come in English.
    await expect(page.inputValue('#sign-in-password')).resolves.toBe('')
    await setLanguage('en')
    await page.fill('#sign-in-username', 'nobody-here')
    await page.fill('#sign-in-password', 'not the password')
    await page.click('#sign-in-submit')
    await expect.poll(() => page.locator('#sign-in-error').innerText()).toContain('Wrong username or password')
    await setLanguage('zh')
    expect(found).toEqual([])
  }, 120_000)

  it('sends the admin with a one-time password to #/account first, checks the new password per field, then goes on to #/users', async () => {
    const refused = await trySignIn(page, suite.server.url, 'root', adminOneTime, '#/users')
    expect(refused).toBeNull()
    await waitForPage(page, 'account')
    expect(await page.evaluate(() => location.hash)).toBe('#/account?next=%23%2Fusers')
    await expect(page.locator('#must-change-password').innerText()).resolves.toContain('一次性密码')
    await expect(page.locator('#account-who').innerText()).resolves.toContain('管理员甲')
    const found = await bothLanguages('#/account')
    // The page's own checks: too short, not repeated alike.
    await changePasswordInBrowser(page, adminOneTime, 'short')
    await expect(page.locator('#new-password-error').innerText()).resolves.toBe('新密码只有 5 个字符，至少需要 10 个。')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new-password')
    await changePasswordInBrowser(page, adminOneTime, ADMIN_PASSWORD, `${ADMIN_PASSWORD}!`)
    await expect(page.locator('#repeat-password-error').innerText()).resolves.toBe('两次输入的新密码不一致。')
    await expect(page.locator('#new-password-error').innerText()).resolves.toBe('')
    // The server's: the current password is wrong (nothing changes).
    await changePasswordInBrowser(page, 'a wrong current password', ADMIN_PASSWORD)
    await expect.poll(() => page.locator('#current-password-error').innerText()).toBe('当前密码不正确。')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('current-password')
    expect((await listUsers(suite.server.db)).find((u) => u.username === 'root')?.mustChangePassword).toBe(true)
    await changePasswordInBrowser(page, adminOneTime, ADMIN_PASSWORD)
    await waitForPage(page, 'users')
    expect(await page.evaluate(() => location.hash)).toBe('#/users')
    expect((await listUsers(suite.server.db)).find((u) => u.username === 'root')?.mustChangePassword).toBe(false)
    passwords.root = ADMIN_PASSWORD
    // The header: the name and role in a menu with 账户, 意见处理, 批量上传, 用户管理 and 退出.
    await expect(page.locator('#user-menu summary').innerText()).resolves.toMatch(/管理员甲\s*管理员/)
    await page.locator('#user-menu summary').click()
    await expect(page.locator('#user-menu a').allInnerTexts()).resolves.toEqual(['账户', '意见处理', '批量上传', '用户管理'])
    await expect(page.locator('#sign-out-button').innerText()).resolves.toBe('退出')
    await page.keyboard.press('Escape')
    await expect(page.locator('#user-menu').getAttribute('open')).resolves.toBeNull()
    expect(found).toEqual([])
  }, 120_000)

  it('creates a township editor and a county editor in #/users and shows each one-time password once, with a copy button', async () => {
    await openPage(page, suite.server.url, '#/users')
    const found = await bothLanguages('#/users')
    // Bad values are refused in the page, naming the field, and nothing is written.
    await page.fill('#new-user-username', 'Not A Name')
    await page.click('#new-user-submit')
    await expect(page.locator('#new-user-username-error').innerText()).resolves.toContain('用户名不符合规则')
    await page.fill('#new-user-username', 'xincun-li')
    await page.fill('#new-user-display-name', '李四 · 新村镇')
    await page.click('#new-user-submit')
    await expect(page.locator('#new-user-regions-error').innerText()).resolves.toBe('乡镇编辑至少要选择一个乡镇。')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/^new-user-region-/)
    expect((await listUsers(suite.server.db)).map((u) => u.username)).toEqual(['root'])
    // The 15 towns are offered.
    await expect(page.locator('#new-user-regions input[type=checkbox]').count()).resolves.toBe(15)
    passwords['xincun-li'] = await createUserInBrowser(page, suite.server.url, {
      username: 'xincun-li',
      displayName: '李四 · 新村镇',
      role: 'township-editor',
      regions: [XINCUN],
    })
    expect(passwords['xincun-li']).toMatch(/^[A-Za-z0-9]{16}$/)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('one-time-password-box')
    await expect(page.locator('#users-notice').innerText()).resolves.toBe('已创建 xincun-li。')
    await page.click('#copy-password')
    await expect.poll(() => page.locator('#copy-status').innerText()).toBe('已复制。')
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(passwords['xincun-li'])
    const row = page.locator('#users-table tr[data-user="xincun-li"]')
    await expect(row.locator('td.towns').innerText()).resolves.toBe('新村镇')
    await expect(row.locator('td.role').innerText()).resolves.toBe('乡镇编辑')
    // A username taken is the server's refusal, under the field.
    await page.fill('#new-user-username', 'xincun-li')
    await page.check(`#new-user-region-${XINCUN}`)
    await page.click('#new-user-submit')
    await expect.poll(() => page.locator('#new-user-username-error').innerText()).toContain('already named xincun-li')
    passwords.county = await createUserInBrowser(page, suite.server.url, { username: 'county-wang', displayName: '王五 · 市场监管局', role: 'editor' })
    expect(passwords.county).not.toBe(passwords['xincun-li'])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts-users.png'), fullPage: true })
    // Shown once: a new visit shows no password.
    await openPage(page, suite.server.url, '#/users')
    await expect(page.locator('#one-time-password-box').count()).resolves.toBe(0)
    await expect(page.locator('#users-table tr[data-user="county-wang"] td.towns').innerText()).resolves.toBe('全县')
    const users = await listUsers(suite.server.db)
    expect(users.map((u) => [u.username, u.role, u.regions, u.mustChangePassword])).toEqual([
      ['county-wang', 'editor', [], true],
      ['root', 'admin', [], false],
      ['xincun-li', 'township-editor', [XINCUN], true],
    ])
    expect(found).toEqual([])
  }, 120_000)

  it('re-scopes a user and resets a password in #/users', async () => {
    await openPage(page, suite.server.url, '#/users')
    const row = page.locator('#users-table tr[data-user="county-wang"]')
    await row.locator('button.edit-button').click()
    const form = page.locator('#edit-county-wang-form')
    await form.locator('#edit-county-wang-role').selectOption('township-editor')
    await form.locator('#edit-county-wang-region-410184102').check()
    await form.locator('#edit-county-wang-submit').click()
    await expect.poll(() => page.locator('#users-notice').innerText()).toBe('已更新 county-wang。')
    await expect(page.locator('#users-table tr[data-user="county-wang"] td.towns').innerText()).resolves.toBe('辛店镇')
    // And back to the whole county.
    await page.locator('#users-table tr[data-user="county-wang"] button.edit-button').click()
    await page.locator('#edit-county-wang-role').selectOption('editor')
    await page.locator('#edit-county-wang-submit').click()
    await expect.poll(() => page.locator('#users-table tr[data-user="county-wang"] td.role').innerText()).toBe('县级编辑')
    await page.locator('#users-table tr[data-user="county-wang"] button.reset-button').click()
    await page.locator('#one-time-password-box[data-user="county-wang"]').waitFor()
    const reset = await page.locator('#one-time-password').innerText()
    expect(reset).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(reset).not.toBe(passwords.county)
    passwords.county = reset
    const wang = (await listUsers(suite.server.db)).find((u) => u.username === 'county-wang')!
    expect([wang.role, wang.regions]).toEqual(['editor', []])
  }, 120_000)

  it('keeps the header on one row at 1280 px in both languages, signed in and out', async () => {
    const seen: Record<string, Awaited<ReturnType<typeof headerRows>>> = {}
    for (const language of ['zh', 'en'] as const) {
      await setLanguage(language)
      seen[`${language} signed in`] = await headerRows()
    }
    await setLanguage('zh')
    await signOutInBrowser(page)
    for (const language of ['zh', 'en'] as const) {
      await setLanguage(language)
      seen[`${language} signed out`] = await headerRows()
    }
    await setLanguage('zh')
    const problems = Object.entries(seen).filter(([, r]) => !r.oneRow || r.height > 72)
    expect(problems.map(([where, r]) => `${where}: ${r.height}px ${r.parts.join(' ')}`)).toEqual([])
  }, 120_000)

  it('signs the township editor in: the forced password change, their name in the header, #/users refused', async () => {
    await signInAs(page, suite.server.url, 'xincun-li', passwords['xincun-li'], { newPassword: TOWNSHIP_PASSWORD })
    expect(await page.evaluate(() => location.hash)).toBe('#/')
    await expect(page.locator('#user-menu summary').innerText()).resolves.toMatch(/李四 · 新村镇\s*乡镇编辑/)
    await setLanguage('en')
    const header = await headerRows()
    expect(header.oneRow, header.parts.join(' ')).toBe(true)
    await setLanguage('zh')
    await page.locator('#user-menu summary').click()
    await expect(page.locator('#user-menu a').allInnerTexts()).resolves.toEqual(['账户', '意见处理', '批量上传'])
    await openPage(page, suite.server.url, '#/account')
    await expect(page.locator('#account-scope').innerText()).resolves.toBe('可编辑范围：新村镇')
    await expect(page.locator('#must-change-password').count()).resolves.toBe(0)
    await openPage(page, suite.server.url, '#/users')
    await expect(page.locator('#users-refused').innerText()).resolves.toBe('只有管理员可以管理用户。您的角色是乡镇编辑。')
    await expect(page.locator('#new-user-form').count()).resolves.toBe(0)
    // Signing out on a page that needs a user shows the way back in.
    await signOutInBrowser(page)
    await expect(page.locator('#sign-in-required').innerText()).resolves.toContain('请先登录')
  }, 120_000)

  it('refuses a disabled user and a locked one at sign-in, saying why', async () => {
    await signInAs(page, suite.server.url, 'root', passwords.root, { next: '#/users' })
    await waitForPage(page, 'users')
    await page.locator('#users-table tr[data-user="county-wang"] button.disable-button').click()
    await expect.poll(() => page.locator('#users-notice').innerText()).toBe('已停用 county-wang，其登录已结束。')
    await expect(page.locator('#users-table tr[data-user="county-wang"]').getAttribute('data-disabled')).resolves.toBe('true')
    await expect(page.locator('#users-table tr[data-user="county-wang"] td.status').innerText()).resolves.toContain('已停用')
    await signOutInBrowser(page)
    await expect(trySignIn(page, suite.server.url, 'county-wang', passwords.county)).resolves.toBe('此账户已停用，请联系管理员。')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('sign-in-error')
    await expect(page.locator('#user-menu').count()).resolves.toBe(0)
    // Five wrong passwords lock the account for a minute; the sixth try says so, with the time.
    for (let i = 0; i < 5; i++) await expect(trySignIn(page, suite.server.url, 'xincun-li', `wrong password ${i}`)).resolves.toContain('用户名或密码错误')
    await expect(trySignIn(page, suite.server.url, 'xincun-li', TOWNSHIP_PASSWORD)).resolves.toMatch(/账户已暂时锁定，请 (60|59|58) 秒后再试。/)
  }, 120_000)

  it("answers the feedback queue with the cookie session (no token in the tab): first a link to sign in, then the answer audited with the admin's name", async () => {
    const sent = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { sendFeedback(input: { kind: CORRECTION, subject: { type: REGION, id: "${XINCUN}" }, message: "人口数字有误 · The population is wrong" }) { id } }`,
      }),
    })
    expect(sent.status).toBe(200)
    await openPage(page, suite.server.url, '#/feedback')
    expect(await page.evaluate(() => sessionStorage.getItem('ipc.token'))).toBeNull()
    await expect(page.locator('#feedback-denied a').getAttribute('href')).resolves.toBe('#/sign-in?next=%23%2Ffeedback')
    await page.click('#feedback-denied a')
    await waitForPage(page, 'sign-in')
    await page.fill('#sign-in-username', 'root')
    await page.fill('#sign-in-password', passwords.root)
    await page.click('#sign-in-submit')
    await waitForPage(page, 'feedback')
    const item = page.locator('li.feedback-item').first()
    await expect(item.locator('.feedback-message').innerText()).resolves.toBe('人口数字有误 · The population is wrong')
    await item.getByLabel('答复内容').fill('已核实，谢谢。')
    await item.locator('button[type=submit]').click()
    await expect.poll(() => page.locator('#feedback-notice').innerText()).toMatch(/已答复 #\d+/)
    const last = await suite.server.db.selectFrom('audit_log').select(['actor', 'action', 'entity']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(last).toEqual({ actor: '管理员甲', action: 'ANSWER', entity: 'feedback' })
    // Signing out on the queue takes it (and the senders' contacts) off the screen at once.
    await signOutInBrowser(page)
    await page.locator('#feedback-denied').waitFor()
    await expect(page.locator('li.feedback-item').count()).resolves.toBe(0)
  }, 120_000)

  it('made no external request and logged no console error but the refusals it asked for', () => {
    expect(suite.external).toEqual([])
    // Chromium logs each refused request (400 wrong current password, 401 wrong password, 403 disabled, 429 locked) as a console error.
    expect(suite.errors.filter((e) => !/^Failed to load resource: the server responded with a status of (400|401|403|429)\b/.test(e))).toEqual([])
  })
})
