/**
 * Helpers for the stewards' entry tests (tests/server/import-route.test.ts, tests/web/value-entry.test.ts)
 * and the journey test after them: users made through the real repository, sign-in over HTTP or from a
 * page, the upload route, and small files to upload.
 */
import type { Kysely } from 'kysely'
import type { Page } from 'playwright-core'
import type { Database } from '../../db/database.ts'
import { createUser, setOwnPassword } from '../../server/src/users/user.repository.ts'

/** The password every steward made by {@link createSteward} has. */
export const STEWARD_PASSWORD = 'correct horse battery'

/** 新村镇, a town of 新郑市, and 辛店镇 beside it. */
export const TOWN = '410184101'
export const OTHER_TOWN = '410184102'
export const COUNTY = '410184'

/** Creates a user with {@link STEWARD_PASSWORD} (already changed from the one-time one). */
export async function createSteward(
  db: Kysely<Database>,
  username: string,
  role: 'admin' | 'editor' | 'township-editor',
  options: { regions?: string[]; displayName?: string } = {},
): Promise<void> {
  const { user } = await createUser(db, { username, role, regions: options.regions ?? [], displayName: options.displayName ?? username }, 'cli:test')
  await setOwnPassword(db, user.id, STEWARD_PASSWORD, undefined, 'cli:test')
}

/** A signed-in session as a script holds it: the cookie to send and the CSRF token for writes. */
export interface HttpSession {
  cookie: string
  csrf: string
}

/** Signs in over HTTP (POST /auth/sign-in). */
export async function signInHttp(baseUrl: string, username: string, password = STEWARD_PASSWORD): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { csrfToken?: string }
  if (response.status !== 200 || !body.csrfToken) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(body)}`)
  return { cookie: response.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken }
}

/** Signs the page in (POST /auth/sign-in from the page, so the browser keeps the cookie); then reloads to `hash`. */
export async function signInPage(page: Page, baseUrl: string, username: string, hash?: string, password = STEWARD_PASSWORD): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/`)
  const status = await page.evaluate(
    async ([u, p]) => {
      const r = await fetch('/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: p }),
      })
      return r.status
    },
    [username, password] as const,
  )
  if (status !== 200) throw new Error(`sign-in of ${username} from the page failed: ${status}`)
  if (hash !== undefined) await openPage(page, baseUrl, hash)
}

/** Opens a page of the app fresh (a full load: the session is asked again) and waits until it is drawn. */
export async function openPage(page: Page, baseUrl: string, hash: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${baseUrl}/${hash}`)
  // This file is compiled without the DOM's types: the page's document, typed for what is read of it.
  type PageGlobal = { document: { documentElement: { dataset: Record<string, string | undefined> } } }
  await page.waitForFunction(() => (globalThis as unknown as PageGlobal).document.documentElement.dataset.pageReady === 'true')
}

/** The answer of POST /import. */
export interface ImportAnswer {
  status: number
  body: any
}

/** POSTs a file to /import, as the upload page does (`session` or a bearer `token`; `query` adds parameters). */
export async function postImport(
  baseUrl: string,
  file: { name: string; bytes: Uint8Array | string },
  options: { resource: string; dryRun?: boolean; session?: HttpSession; token?: string; query?: Record<string, string>; headers?: Record<string, string> },
): Promise<ImportAnswer> {
  const params = new URLSearchParams({ resource: options.resource, name: file.name, ...(options.dryRun ? { dryRun: '1' } : {}), ...options.query })
  const headers: Record<string, string> = { 'content-type': file.name.endsWith('.csv') ? 'text/csv' : 'application/geo+json', ...options.headers }
  if (options.session) Object.assign(headers, { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf }, options.headers)
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const response = await fetch(`${baseUrl}/import?${params.toString()}`, {
    method: 'POST',
    headers,
    body: typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes),
  })
  return { status: response.status, body: await response.json() }
}

/** An indicator-values CSV of ACTUAL values: `[indicator, region, year, value, source, status]` per row. */
export function valuesCsv(rows: (string | number)[][]): string {
  return ['indicator_code,region_code,year,kind,value,source,status', ...rows.map(([i, r, y, v, s, st]) => [i, r, y, 'ACTUAL', v, s, st].join(','))].join('\n')
}

/** A CSV with a cell in GBK (新郑 as GBK bytes D0C2 D6A3): what Excel writes as plain "CSV" on a Chinese Windows. */
export function gbkCsv(): Buffer {
  const head = Buffer.from('indicator_code,region_code,year,kind,value,source,status\ninvention-patents-in-force,410184,2024,ACTUAL,1810,')
  return Buffer.concat([head, Buffer.from([0xd0, 0xc2, 0xd6, 0xa3]), Buffer.from(',FINAL\n')])
}
