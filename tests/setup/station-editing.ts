/**
 * Helpers for tests of station editing (tests/server/service-point-editing.test.ts,
 * tests/web/station-editing.test.ts) and the stewards' journey test: users made through the real
 * user repository, sign-in over HTTP or from a page, and map clicks and drags at a WGS84 point.
 */
import type { Kysely } from 'kysely'
import type { Page } from 'playwright-core'
import type { Database } from '../../db/database.ts'
import { createUser, setOwnPassword } from '../../server/src/users/user.repository.ts'

/** The password every helper-made user gets (long enough for the password rules). */
export const EDITOR_PASSWORD = 'station editing test password'

/** A user with a known password (no password change pending): a township editor of `regions` unless another role is given. */
export async function createStationEditor(
  db: Kysely<Database>,
  options: { username: string; displayName?: string; regions?: string[]; role?: 'admin' | 'editor' | 'township-editor' },
): Promise<{ username: string; password: string }> {
  const role = options.role ?? 'township-editor'
  const { user } = await createUser(
    db,
    { username: options.username, displayName: options.displayName ?? options.username, role, regions: options.regions ?? [] },
    'cli:test',
  )
  await setOwnPassword(db, user.id, EDITOR_PASSWORD, undefined, 'cli:test')
  return { username: user.username, password: EDITOR_PASSWORD }
}

/** A signed-in session as a script holds it: the cookie to send and the CSRF token for writes. */
export interface HttpSession {
  cookie: string
  csrf: string
}

/** Signs in with POST /auth/sign-in; throws with the server's answer when refused. */
export async function signInOverHttp(url: string, username: string, password = EDITOR_PASSWORD): Promise<HttpSession> {
  const response = await fetch(`${url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { csrfToken?: string }
  if (!response.ok || !body.csrfToken) throw new Error(`sign-in refused: ${response.status} ${JSON.stringify(body)}`)
  return { cookie: response.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken }
}

/**
 * Signs in from the page (its cookie jar keeps the session), then reloads `hash` so that the app
 * asks /auth/me afresh and loads the editing tools.
 */
export async function signInInPage(page: Page, baseUrl: string, username: string, hash = '#/', password = EDITOR_PASSWORD): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/${hash}`)
  const status = await page.evaluate(
    async ([u, p]) =>
      (await fetch('/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) }))
        .status,
    [username, password],
  )
  if (status !== 200) throw new Error(`sign-in from the page answered ${status}`)
  await page.goto(`${baseUrl}/${hash}`)
  await page.reload()
}

/** Waits until the map page is drawn and MapLibre has loaded. */
export async function mapReady(page: Page): Promise<void> {
  // The callbacks run in the page (this file is compiled without the DOM's types, hence globalThis).
  await page.waitForFunction(() => (globalThis as any).document.documentElement.dataset.ready === 'true')
  await page.waitForFunction(() => (globalThis as any).map?.loaded?.())
}

/** The page coordinates of a WGS84 point on the map. */
export async function pagePointOf(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  const [x, y] = await page.evaluate(
    ([a, b]) => {
      const p = (globalThis as any).map.project([a, b])
      return [p.x, p.y]
    },
    [lng, lat],
  )
  const canvas = (await page.locator('#map canvas').boundingBox())!
  return { x: canvas.x + x, y: canvas.y + y }
}

/** Clicks the map at a WGS84 point. */
export async function clickMapAt(page: Page, lng: number, lat: number): Promise<void> {
  const { x, y } = await pagePointOf(page, lng, lat)
  await page.mouse.click(x, y)
}

/**
 * Drags a marker (by its element, `selector`) from where it stands at WGS84 `from` so that it ends at
 * `to`, in small steps as a hand would: the pointer grabs the element's middle and moves by the
 * distance between the two points on screen.
 */
export async function dragMarker(page: Page, selector: string, from: [number, number], to: [number, number]): Promise<void> {
  const a = await pagePointOf(page, ...from)
  const b = await pagePointOf(page, ...to)
  const box = (await page.locator(selector).boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + (b.x - a.x), y + (b.y - a.y), { steps: 12 })
  await page.mouse.up()
}
