/**
 * Every query about user accounts (their sessions and sign-in attempts: session.repository.ts). Changes to accounts run in one transaction with
 * their audit entry (entity `app_user`, keyed by the username; the password hash never enters the log).
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { writeAudit } from '../../../db/records/audit.ts'
import { USER_ROLES, type UserRole } from '../../../db/roles.ts'
import { hashPassword, oneTimePassword, passwordProblem } from '../auth/password.ts'

export interface UserInfo {
  id: string
  username: string
  displayName: string
  role: UserRole
  /** Region codes a township editor may edit (sorted); empty for the whole county. */
  regions: string[]
  disabled: boolean
  mustChangePassword: boolean
  createdAt: Date
  updatedAt: Date
}

/** A value that cannot be stored: `field` names the input field, the message says why. */
export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

export class UserNotFound extends Error {
  constructor(readonly username: string) {
    super(`There is no user named ${username}.`)
  }
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/

/** The username as stored (trimmed, lower case), or a UserInputError. */
export function checkUsername(value: unknown, field = 'username'): string {
  if (typeof value !== 'string') throw new UserInputError(field, 'must be a string')
  const name = value.trim().toLowerCase()
  if (!USERNAME.test(name))
    throw new UserInputError(field, `"${value}" is not a username: 2–32 characters, letters a–z, digits, ".", "_" or "-", starting with a letter or digit`)
  return name
}

function checkDisplayName(value: unknown, field = 'displayName'): string {
  if (typeof value !== 'string') throw new UserInputError(field, 'must be a string')
  const text = value.trim()
  if (!text) throw new UserInputError(field, 'is empty: give the name shown in the history (e.g. 张三 · 新村镇)')
  if ([...text].length > 64) throw new UserInputError(field, `is ${[...text].length} characters long: at most 64`)
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new UserInputError(field, 'holds a control character')
  if (/^(import|cli|package):/i.test(text)) throw new UserInputError(field, `"${text}" looks like an import or a command in the audit log: choose another name`)
  return text
}

function checkRole(value: unknown, field = 'role'): UserRole {
  if (!USER_ROLES.includes(value as UserRole)) throw new UserInputError(field, `must be one of ${USER_ROLES.join(', ')}, not ${JSON.stringify(value)}`)
  return value as UserRole
}

/** The regions, checked: they exist; a township editor has at least one; an admin none. */
async function checkRegions(db: Kysely<Database>, role: UserRole, value: unknown, field = 'regions'): Promise<string[]> {
  if (!Array.isArray(value) || value.some((c) => typeof c !== 'string')) throw new UserInputError(field, 'must be a list of region codes')
  const codes = [...new Set((value as string[]).map((c) => c.trim()))].sort()
  if (codes.length > 100) throw new UserInputError(field, `${codes.length} regions: at most 100`)
  if (role === 'township-editor' && !codes.length) throw new UserInputError(field, 'a township editor needs at least one region (the towns they may edit)')
  if (role === 'admin' && codes.length) throw new UserInputError(field, 'an admin has the whole county: give no regions')
  if (!codes.length) return codes
  const found = await db.selectFrom('region').select('code').where('code', 'in', codes).execute()
  const missing = codes.filter((c) => !found.some((f) => f.code === c))
  if (missing.length) throw new UserInputError(field, `no region has the code ${missing.join(', ')}`)
  return codes
}

type UserRow = {
  id: string
  username: string
  display_name: string
  role: UserRole
  disabled: boolean
  must_change_password: boolean
  created_at: Date
  updated_at: Date
}

const USER_COLUMNS = ['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password', 'created_at', 'updated_at'] as const

export function toUserInfo(r: UserRow, regions: string[]): UserInfo {
  return {
    id: String(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    regions,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function regionsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]))
  if (!ids.length) return map
  const rows = await db.selectFrom('app_user_region').select(['user_id', 'region_code']).where('user_id', 'in', ids).orderBy('region_code').execute()
  for (const r of rows) map.get(String(r.user_id))?.push(r.region_code)
  return map
}

/** Every user, by username. */
export async function listUsers(db: Kysely<Database>): Promise<UserInfo[]> {
  const rows = await db.selectFrom('app_user').select(USER_COLUMNS).orderBy('username').execute()
  const regions = await regionsOf(
    db,
    rows.map((r) => String(r.id)),
  )
  return rows.map((r) => toUserInfo(r, regions.get(String(r.id)) ?? []))
}

/** A user by username; undefined when there is none. */
export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserInfo | undefined> {
  const row = await db.selectFrom('app_user').select(USER_COLUMNS).where('username', '=', username.trim().toLowerCase()).executeTakeFirst()
  if (!row) return undefined
  return toUserInfo(row, (await regionsOf(db, [String(row.id)])).get(String(row.id)) ?? [])
}

/** What sign-in needs of a user: the hash and the lock-out state. */
export async function findSignInRecord(
  db: Kysely<Database>,
  username: string,
): Promise<{ id: string; passwordHash: string; disabled: boolean; failedCount: number; lockedUntil: Date | null } | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'disabled', 'failed_count', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst()
  return row && { id: String(row.id), passwordHash: row.password_hash, disabled: row.disabled, failedCount: row.failed_count, lockedUntil: row.locked_until }
}

export interface NewUser {
  username: unknown
  displayName?: unknown
  role: unknown
  regions?: unknown
}

function auditView(u: UserInfo) {
  return { username: u.username, display_name: u.displayName, role: u.role, regions: u.regions, disabled: u.disabled }
}

/** Creates a user with a one-time password (returned: shown once; it must be changed at first sign-in). */
export async function createUser(db: Kysely<Database>, input: NewUser, actor: string): Promise<{ user: UserInfo; password: string }> {
  const username = checkUsername(input.username)
  const displayName = checkDisplayName(input.displayName ?? username)
  const role = checkRole(input.role)
  const password = oneTimePassword()
  const hash = await hashPassword(password)
  const user = await db.transaction().execute(async (tx) => {
    const regions = await checkRegions(tx, role, input.regions ?? [])
    const taken = await tx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()
    if (taken) throw new UserInputError('username', `a user is already named ${username}`)
    const row = await tx
      .insertInto('app_user')
      .values({ username, display_name: displayName, role, password_hash: hash })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow()
    if (regions.length)
      await tx
        .insertInto('app_user_region')
        .values(regions.map((region_code) => ({ user_id: row.id, region_code })))
        .execute()
    const created = toUserInfo(row, regions)
    await writeAudit(tx, [{ actor, action: 'CREATE_USER', entity: 'app_user', entityId: username, before: null, after: auditView(created) }])
    return created
  })
  return { user, password }
}

export interface UserChanges {
  displayName?: unknown
  role?: unknown
  regions?: unknown
  disabled?: unknown
}

/** Changes a user's display name, role, regions or disabled flag; disabling ends their sessions. */
export async function updateUser(db: Kysely<Database>, username: string, changes: UserChanges, actor: string): Promise<UserInfo> {
  const name = checkUsername(username)
  return db.transaction().execute(async (tx) => {
    const before = await findUserByUsername(tx, name)
    if (!before) throw new UserNotFound(name)
    const displayName = changes.displayName === undefined ? before.displayName : checkDisplayName(changes.displayName)
    const role = changes.role === undefined ? before.role : checkRole(changes.role)
    if (changes.disabled !== undefined && typeof changes.disabled !== 'boolean') throw new UserInputError('disabled', 'must be true or false')
    const disabled = changes.disabled ?? before.disabled
    // A role change to admin drops the regions unless new ones are given.
    const regions = await checkRegions(tx, role, changes.regions ?? (role === 'admin' ? [] : before.regions))
    await tx
      .updateTable('app_user')
      .set({
        display_name: displayName,
        role,
        disabled,
        updated_at: sql<Date>`now()`,
        ...(disabled ? {} : before.disabled ? { failed_count: 0, locked_until: null } : {}),
      })
      .where('id', '=', before.id)
      .execute()
    await tx.deleteFrom('app_user_region').where('user_id', '=', before.id).execute()
    if (regions.length)
      await tx
        .insertInto('app_user_region')
        .values(regions.map((region_code) => ({ user_id: before.id, region_code })))
        .execute()
    if (disabled || role !== before.role || regions.join() !== before.regions.join())
      await tx.deleteFrom('user_session').where('user_id', '=', before.id).execute()
    const after = (await findUserByUsername(tx, name))!
    await writeAudit(tx, [{ actor, action: 'UPDATE_USER', entity: 'app_user', entityId: name, before: auditView(before), after: auditView(after) }])
    return after
  })
}

/** Gives a user a new one-time password (returned), unlocks them and ends their sessions. */
export async function resetPassword(db: Kysely<Database>, username: string, actor: string): Promise<string> {
  const name = checkUsername(username)
  const password = oneTimePassword()
  const hash = await hashPassword(password)
  await db.transaction().execute(async (tx) => {
    const user = await findUserByUsername(tx, name)
    if (!user) throw new UserNotFound(name)
    await tx
      .updateTable('app_user')
      .set({ password_hash: hash, must_change_password: true, failed_count: 0, locked_until: null, updated_at: sql<Date>`now()` })
      .where('id', '=', user.id)
      .execute()
    await tx.deleteFrom('user_session').where('user_id', '=', user.id).execute()
    await writeAudit(tx, [{ actor, action: 'RESET_PASSWORD', entity: 'app_user', entityId: name, before: null, after: null }])
  })
  return password
}

/** Stores a new password the user chose (already checked against the current one), ending their other sessions. */
export async function setOwnPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
  keepSessionHash: string | undefined,
  actor: string,
): Promise<void> {
  const problem = passwordProblem(password)
  if (problem) throw new UserInputError('newPassword', problem)
  const hash = await hashPassword(password)
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('app_user')
      .set({ password_hash: hash, must_change_password: false, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .returning('username')
      .executeTakeFirstOrThrow()
    let others = tx.deleteFrom('user_session').where('user_id', '=', userId)
    if (keepSessionHash) others = others.where('id_hash', '<>', keepSessionHash)
    await others.execute()
    await writeAudit(tx, [{ actor, action: 'CHANGE_PASSWORD', entity: 'app_user', entityId: row.username, before: null, after: null }])
  })
}
