/**
 * Who is making a request: the holder of a bearer token (`Authorization: Bearer ipt_…`, for scripts)
 * or a signed-in user (the session cookie, for the browser). Reads need neither; mutations ask for a
 * role with `require`, and for a place with `requireRegionScope` / `requireCountyScope` (scope.ts).
 * A cookie-authenticated write must also carry the session's CSRF token (header `X-CSRF-Token`).
 * Tokens, session ids and passwords are never logged or stored in clear.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { ForbiddenError, UnauthenticatedError } from '../errors.ts'
import { findLiveSession, touchSession } from '../users/session.repository.ts'
import { csrfMatches, sessionIdFromCookie, sessionIdHash } from './session.ts'
import { roleAllows, tokenId, tokenMatches, type UserRole } from './token.ts'
import { findLiveToken, publicLabelOf } from './token.repository.ts'

export interface Viewer {
  /** The actor in the audit log: a token's name, or a user's display name. */
  name: string
  /** `admin`, `editor` or `township-editor` (tokens are editor or admin). */
  role: UserRole
  /** Region codes the viewer may edit; null for the whole county (tokens, editors and admins without regions). */
  regions: string[] | null
  /** How the public sees the viewer: a user's display name; a token's name if its holder chose so, else its purpose. */
  publicLabel: string
  /** Signed in with a session cookie (then `username` and `userId` are set) or a bearer token. */
  via: 'session' | 'token'
  username?: string
  userId?: string
}

/** What of a request tells who sends it. */
export interface Credentials {
  /** The Authorization header. */
  authorization?: string
  /** The Cookie header. */
  cookie?: string
  /** The X-CSRF-Token header. */
  csrfToken?: string
  /** The request method: a GET never writes (not even a session's last-seen time). */
  method?: string
}

// Compared against when no row matches, so that unknown ids take as long as wrong secrets.
const DUMMY_HASH = '0'.repeat(64)

/** The credentials of one request, checked at most once. */
export class RequestAuth {
  #viewer: Promise<Viewer | undefined> | undefined
  private readonly credentials: Credentials

  constructor(
    private readonly db: Kysely<Database>,
    credentials: string | Credentials | undefined,
  ) {
    this.credentials = typeof credentials === 'string' || credentials === undefined ? { authorization: credentials } : credentials
  }

  /** The session id of the cookie, when there is no Authorization header (a token wins). */
  get #sessionId(): string | undefined {
    return this.credentials.authorization ? undefined : sessionIdFromCookie(this.credentials.cookie)
  }

  /** The viewer, or undefined without valid credentials. */
  viewer(): Promise<Viewer | undefined> {
    this.#viewer ??= this.#authenticate()
    return this.#viewer
  }

  /**
   * The viewer when it holds at least `role`; otherwise UNAUTHENTICATED (no, a bad or an expired
   * credential) or FORBIDDEN (too low a role, or a cookie-authenticated request without its CSRF token).
   */
  async require(role: UserRole, what: string): Promise<Viewer> {
    const sessionId = this.#sessionId
    if (!this.credentials.authorization && !sessionId) {
      throw new UnauthenticatedError(`${what} needs an ${role}: sign in, or send the header Authorization: Bearer <token>`)
    }
    const viewer = await this.viewer()
    if (!viewer) {
      throw new UnauthenticatedError(
        sessionId
          ? 'Your session has ended (expired, signed out or the account disabled): sign in again'
          : 'The bearer token is not valid (unknown, revoked or malformed)',
      )
    }
    if (sessionId && !csrfMatches(sessionId, this.credentials.csrfToken)) {
      throw new ForbiddenError(`${what}: a signed-in write must carry the session's CSRF token in the X-CSRF-Token header (from sign-in or GET /auth/me)`)
    }
    if (!roleAllows(viewer.role, role))
      throw new ForbiddenError(
        `${what} needs the ${role} role; ${viewer.name} is ${viewer.via === 'token' ? 'an' : 'a'} ${viewer.role}${viewer.via === 'token' ? ' token' : ''}`,
      )
    if (sessionId && this.credentials.method && this.credentials.method !== 'GET') await touchSession(this.db, sessionIdHash(sessionId))
    return viewer
  }

  async #authenticate(): Promise<Viewer | undefined> {
    const sessionId = this.#sessionId
    if (sessionId) {
      const session = await findLiveSession(this.db, sessionIdHash(sessionId))
      if (!session) return undefined
      const u = session.user
      return {
        name: u.displayName,
        role: u.role,
        regions: u.role === 'admin' || !u.regions.length ? null : u.regions,
        publicLabel: u.displayName,
        via: 'session',
        username: u.username,
        userId: u.id,
      }
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(this.credentials.authorization ?? '')
    if (!match) return undefined
    const token = match[1]
    const id = tokenId(token)
    const row = id ? await findLiveToken(this.db, id) : undefined
    const ok = tokenMatches(token, row?.hash ?? DUMMY_HASH)
    return row && ok ? { name: row.name, role: row.role, regions: null, publicLabel: publicLabelOf(row), via: 'token' } : undefined
  }
}
