/**
 * Steps of the stewards' journeys in Chromium, shared by the browser tests: sign in through #/sign-in
 * (with the forced password change after a one-time password), sign out from the header's menu, create
 * a user in #/users and read the one-time password it shows. Each step waits until the page it leads to
 * is drawn (`data-page` and `data-page-ready` on <html>, set by web/src/views/app.ts).
 */
import type { Kysely } from 'kysely'
import type { Page } from 'playwright-core'
import type { Database } from '../../db/database.ts'
import { createUser } from '../../server/src/users/user.repository.ts'

/** The roles as the #/users form's select names them. */
export type StewardRole = 'admin' | 'editor' | 'township-editor'

/** Waits until the page without a map named `name` (a route name: `users`, `account`, `sign-in`…) is drawn and ready. */
export async function waitForPage(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.documentElement.dataset.page === n && document.documentElement.dataset.pageReady === 'true', name)
}

/** Opens `hash` (e.g. `#/users`) on the server at `baseUrl` and waits for its page without a map. */
export async function openPage(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.evaluate(() => delete document.documentElement.dataset.pageReady).catch(() => undefined)
  // The same address again is no navigation (no hashchange): load the page afresh then.
  if (page.url() === `${baseUrl}/${hash}`) await page.reload()
  else await page.goto(`${baseUrl}/${hash}`)
  const name = /^#\/([\w-]+)/.exec(hash)?.[1]
  if (name) await waitForPage(page, name)
}

/**
 * Creates a user with the server's own repository function (what `npm run user -- create` runs) and
 * returns their one-time password: the first admin of a test comes from here.
 */
export async function createUserDirectly(
  db: Kysely<Database>,
  user: { username: string; displayName?: string; role: StewardRole; regions?: string[] },
): Promise<string> {
  return (await createUser(db, user, 'cli:user')).password
}

/**
 * Fills #/sign-in (opened with `?next=` when given) and submits it; resolves once the page has left
 * #/sign-in, or with the refusal shown (`#sign-in-error`) when the server refused.
 * @returns the text of the refusal, or null when signed in
 */
export async function trySignIn(page: Page, baseUrl: string, username: string, password: string, next?: string): Promise<string | null> {
  await openPage(page, baseUrl, next ? `#/sign-in?${new URLSearchParams({ next }).toString()}` : '#/sign-in')
  await page.fill('#sign-in-username', username)
  await page.fill('#sign-in-password', password)
  await page.click('#sign-in-submit')
  await page.waitForFunction(() => !location.hash.startsWith('#/sign-in') || Boolean(document.querySelector('#sign-in-error[role=alert]')?.textContent))
  if (!(await page.evaluate(() => location.hash.startsWith('#/sign-in')))) return null
  return page.locator('#sign-in-error').innerText()
}

/**
 * Signs in through #/sign-in and waits for the header's user menu. With `newPassword`, the user signs in
 * with a one-time password and sets `newPassword` on #/account, where the app sends them first.
 */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string, options: { next?: string; newPassword?: string } = {}) {
  const refused = await trySignIn(page, baseUrl, username, password, options.next)
  if (refused !== null) throw new Error(`${username} was refused: ${refused}`)
  if (options.newPassword) {
    await waitForPage(page, 'account')
    await changePasswordInBrowser(page, password, options.newPassword)
    await page.waitForFunction(() => !location.hash.startsWith('#/account'))
  }
  await page.locator('#user-menu').waitFor()
}

/** Fills the password form of #/account (already open) and submits it. */
export async function changePasswordInBrowser(page: Page, current: string, next: string, repeat = next): Promise<void> {
  await page.fill('#current-password', current)
  await page.fill('#new-password', next)
  await page.fill('#repeat-password', repeat)
  await page.click('#password-submit')
}

/** Signs out from the header's menu and waits for the "登录" link. */
export async function signOutInBrowser(page: Page): Promise<void> {
  await page.locator('#user-menu summary').click()
  await page.click('#sign-out-button')
  await page.locator('#sign-in-link').waitFor()
}

/**
 * Creates a user in #/users (opened if needed; an admin must be signed in) and returns the one-time
 * password the page shows once. Regions are region codes (ticked for a township editor).
 */
export async function createUserInBrowser(
  page: Page,
  baseUrl: string,
  user: { username: string; displayName?: string; role: StewardRole; regions?: string[] },
): Promise<string> {
  if (!(await page.evaluate(() => location.hash.startsWith('#/users')))) await openPage(page, baseUrl, '#/users')
  await page.fill('#new-user-username', user.username)
  await page.fill('#new-user-display-name', user.displayName ?? '')
  await page.selectOption('#new-user-role', user.role)
  for (const code of user.regions ?? []) await page.check(`#new-user-region-${code}`)
  await page.click('#new-user-submit')
  const box = page.locator(`#one-time-password-box[data-user="${user.username}"]`)
  await box.waitFor()
  return box.locator('#one-time-password').innerText()
}
