/**
 * Who is signed in, for every part of the web app: `currentUser()` asks the server once (GET /auth/me,
 * which never writes) and keeps the answer; `csrfHeaders()` gives the header a signed-in write must
 * carry (`X-CSRF-Token`), and `mutate` (client.ts) sends it. `signIn`, `signOut` and `changePassword`
 * talk to the /auth routes; the session itself is an HttpOnly cookie the page never sees.
 *
 * @example
 * const user = await currentUser()          // null when nobody is signed in
 * if (user?.role === 'township-editor') …   // user.regions: the towns they may edit
 */

/** The signed-in user, as GET /auth/me and POST /auth/sign-in describe them. */
export interface SessionUser {
  username: string
  displayName: string
  role: 'admin' | 'editor' | 'township-editor'
  /** Region codes a township editor may edit; empty for the whole county. */
  regions: string[]
  /** Still has the one-time password an admin gave them. */
  mustChangePassword: boolean
}

interface SessionAnswer {
  user: SessionUser | null
  csrfToken?: string
}

/** A refusal from an /auth route: its `extensions.code` (WRONG_CREDENTIALS, ACCOUNT_LOCKED, BAD_USER_INPUT…), message and field. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'AuthError'
  }
}

let known: Promise<SessionAnswer> | undefined
const listeners = new Set<(user: SessionUser | null) => void>()

function set(answer: SessionAnswer): void {
  known = Promise.resolve(answer)
  for (const listener of listeners) listener(answer.user)
}

async function ask(): Promise<SessionAnswer> {
  try {
    const response = await fetch('/auth/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    return response.ok ? ((await response.json()) as SessionAnswer) : { user: null }
  } catch {
    return { user: null }
  }
}

/** The signed-in user, or null (asked once; sign-in and sign-out update it). */
export async function currentUser(): Promise<SessionUser | null> {
  known ??= ask()
  return (await known).user
}

/** Calls `listener` whenever the signed-in user changes; returns the function that stops it. */
export function onSessionChange(listener: (user: SessionUser | null) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The headers a signed-in write carries: `{ 'x-csrf-token': … }`, or `{}` when nobody is signed in. */
export async function csrfHeaders(): Promise<Record<string, string>> {
  known ??= ask()
  const { csrfToken } = await known
  return csrfToken ? { 'x-csrf-token': csrfToken } : {}
}

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(await csrfHeaders()) },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  })
  const answer = (await response.json().catch(() => ({}))) as { errors?: { message: string; extensions?: { code?: string; field?: string } }[] }
  if (!response.ok || answer.errors?.length) {
    const e = answer.errors?.[0]
    throw new AuthError(e?.message ?? `HTTP ${response.status}`, e?.extensions?.code ?? 'BAD_RESPONSE', e?.extensions?.field)
  }
  return answer
}

/** Signs in; throws an AuthError (wrong password, locked, disabled, bad input). */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  const answer = (await post('/auth/sign-in', { username, password })) as SessionAnswer
  set(answer)
  return answer.user!
}

/** Signs out (the server deletes the session). */
export async function signOut(): Promise<void> {
  try {
    await post('/auth/sign-out', {})
  } finally {
    set({ user: null })
  }
}

/** Changes the signed-in user's password; throws an AuthError naming the field. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await post('/auth/password', { currentPassword, newPassword })
  set(await ask())
}
