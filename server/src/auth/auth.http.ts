/**
 * The /auth routes (rows of http/routes.ts): `POST /auth/sign-in` `{ username, password }` → the user,
 * the session cookie and its CSRF token; `POST /auth/sign-out`; `GET /auth/me` (never writes);
 * `POST /auth/password` `{ currentPassword, newPassword }`. Every POST is refused from another site
 * (Origin or Sec-Fetch-Site), and the signed-in ones need the CSRF token in `X-CSRF-Token`.
 * Passwords and session ids are never logged (the logger redacts the headers that carry them).
 */
import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { readJsonBody } from '../http/body.ts'
import type { RouteContext } from '../http/router.ts'
import { HttpError, type Reply } from '../http/send.ts'
import { endSession, findLiveSession, findPasswordHash, recordFailedSignIn, startSession } from '../users/session.repository.ts'
import { findSignInRecord, setOwnPassword, UserInputError, type UserInfo } from '../users/user.repository.ts'
import { DUMMY_PASSWORD_HASH, PASSWORD_LENGTH, verifyPassword } from './password.ts'
import { CSRF_HEADER, csrfMatches, csrfTokenOf, newSessionId, sessionCookie, sessionIdFromCookie, sessionIdHash, SESSION_TTL_MS } from './session.ts'

export interface AuthRouteOptions {
  db(): Kysely<Database>
  /** How many proxies in front set X-Forwarded-Proto (TRUST_PROXY): then it says whether the request was HTTPS. */
  trustedProxies: number
}

/** Whether the request reached us over HTTPS (directly, or through a trusted proxy). */
export function isHttps(req: IncomingMessage, trustedProxies: number): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true
  return (
    trustedProxies > 0 &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim() === 'https'
  )
}

/**
 * Whether a request comes from another site: `Sec-Fetch-Site: cross-site`, or an `Origin` whose host is
 * not the request's Host (or X-Forwarded-Host). A request with neither header (a script, curl) is not.
 */
export function isCrossSite(req: IncomingMessage): boolean {
  if (String(req.headers['sec-fetch-site'] ?? '') === 'cross-site') return true
  const origin = req.headers.origin
  if (!origin) return false
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return true // "null" (a sandboxed frame, a file) or garbage
  }
  const ours = [req.headers.host, ...String(req.headers['x-forwarded-host'] ?? '').split(',')].map((h) => h?.trim().toLowerCase()).filter(Boolean)
  return !ours.includes(host.toLowerCase())
}

/** Refuses a cross-site request with 403 CROSS_SITE (before anything is read or written). */
export function refuseCrossSite(req: IncomingMessage): void {
  if (isCrossSite(req)) throw new HttpError(403, 'CROSS_SITE', '拒绝来自其他网站的请求 · A request from another site is refused')
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(value),
})

/** What the browser learns of the signed-in user. */
function publicUser(u: UserInfo) {
  return { username: u.username, displayName: u.displayName, role: u.role, regions: u.regions, mustChangePassword: u.mustChangePassword }
}

function badInput(field: string, message: string): HttpError {
  return new HttpError(400, 'BAD_USER_INPUT', `${field}：${message}`, {}, { field })
}

/** The JSON body as an object with string fields `names` (each 1–`max` characters); 400 naming the first bad field. */
async function stringFields<K extends string>(req: IncomingMessage, names: readonly K[], max = PASSWORD_LENGTH.max * 4): Promise<Record<K, string>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 发送 · Send the body as JSON (Content-Type: application/json)')
  }
  const body = await readJsonBody(req, 16 * 1024)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badInput(names[0], `请求体须为 JSON 对象 · The body must be a JSON object with ${names.join(', ')}`)
  const out = {} as Record<K, string>
  for (const name of names) {
    const value = (body as Record<string, unknown>)[name]
    if (typeof value !== 'string' || value === '') throw badInput(name, `缺少或不是文本 · ${name} is missing or not a string`)
    if (value.length > max) throw badInput(name, `过长 · ${name} is longer than ${max} characters`)
    if (value.includes('\u0000')) throw badInput(name, `含有 NUL 字符 · ${name} contains a NUL character`)
    out[name] = value
  }
  return out
}

/** The signed-in session of a request with its CSRF token checked: 401 without one, 403 without the token. */
async function signedIn(db: Kysely<Database>, req: IncomingMessage) {
  const id = sessionIdFromCookie(req.headers.cookie)
  const session = id ? await findLiveSession(db, sessionIdHash(id)) : undefined
  if (!id || !session) throw new HttpError(401, 'UNAUTHENTICATED', '未登录或会话已结束 · Not signed in, or the session has ended: sign in again')
  if (!csrfMatches(id, headerOf(req, CSRF_HEADER))) {
    throw new HttpError(403, 'CSRF_TOKEN_MISSING', '缺少 CSRF 令牌 · The X-CSRF-Token header is missing or wrong (it comes with sign-in and GET /auth/me)')
  }
  return { id, session }
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** The handlers of the /auth rows. */
export function authHandlers(options: AuthRouteOptions) {
  const cookie = (req: IncomingMessage, id: string | undefined) => sessionCookie(id, { secure: isHttps(req, options.trustedProxies), maxAgeMs: SESSION_TTL_MS })

  return {
    signIn: async ({ req }: RouteContext): Promise<Reply> => {
      refuseCrossSite(req)
      const { username, password } = await stringFields(req, ['username', 'password'] as const)
      const db = options.db()
      const record = await findSignInRecord(db, username.trim().toLowerCase())
      // Always one scrypt: an unknown user takes as long as a wrong password.
      const ok = await verifyPassword(password, record?.passwordHash ?? DUMMY_PASSWORD_HASH)
      const now = Date.now()
      if (record?.lockedUntil && new Date(record.lockedUntil).getTime() > now) {
        const seconds = Math.ceil((new Date(record.lockedUntil).getTime() - now) / 1000)
        throw new HttpError(429, 'ACCOUNT_LOCKED', `登录失败次数过多，请 ${seconds} 秒后再试 · Too many failed sign-ins: try again in ${seconds} s`, {
          'retry-after': String(seconds),
        })
      }
      if (!record || !ok) {
        if (record) await recordFailedSignIn(db, record.id)
        throw new HttpError(401, 'WRONG_CREDENTIALS', '用户名或密码错误 · Wrong username or password')
      }
      if (record.disabled) throw new HttpError(403, 'ACCOUNT_DISABLED', '此账户已停用，请联系管理员 · This account is disabled: ask an admin')
      const id = newSessionId()
      const expiresAt = await startSession(db, record.id, sessionIdHash(id), SESSION_TTL_MS)
      const session = (await findLiveSession(db, sessionIdHash(id)))!
      return json(200, { user: publicUser(session.user), csrfToken: csrfTokenOf(id), expiresAt: expiresAt.toISOString() }, { 'set-cookie': cookie(req, id) })
    },

    signOut: async ({ req }: RouteContext): Promise<Reply> => {
      refuseCrossSite(req)
      const { id } = await signedIn(options.db(), req)
      await endSession(options.db(), sessionIdHash(id))
      return json(200, { signedOut: true }, { 'set-cookie': cookie(req, undefined) })
    },

    me: async ({ req }: RouteContext): Promise<Reply> => {
      const id = sessionIdFromCookie(req.headers.cookie)
      const session = id ? await findLiveSession(options.db(), sessionIdHash(id)) : undefined
      if (!id || !session) return json(200, { user: null })
      return json(200, { user: publicUser(session.user), csrfToken: csrfTokenOf(id), expiresAt: new Date(session.expiresAt).toISOString() })
    },

    changePassword: async ({ req }: RouteContext): Promise<Reply> => {
      refuseCrossSite(req)
      const db = options.db()
      const { id, session } = await signedIn(db, req)
      const { currentPassword, newPassword } = await stringFields(req, ['currentPassword', 'newPassword'] as const)
      const hash = await findPasswordHash(db, session.user.id)
      if (!hash || !(await verifyPassword(currentPassword, hash))) {
        await recordFailedSignIn(db, session.user.id)
        throw badInput('currentPassword', '当前密码不正确 · The current password is wrong')
      }
      if (newPassword === currentPassword) throw badInput('newPassword', '新密码须与当前密码不同 · The new password must differ from the current one')
      try {
        await setOwnPassword(db, session.user.id, newPassword, sessionIdHash(id), session.user.displayName)
      } catch (error) {
        if (error instanceof UserInputError)
          throw badInput(error.field, `新密码 ${error.message.slice(error.field.length + 2)} · The new password ${error.message.slice(error.field.length + 2)}`)
        throw error
      }
      return json(200, { changed: true })
    },
  }
}
