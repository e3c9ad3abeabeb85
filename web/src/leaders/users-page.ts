/**
 * #/users (admins): every user with their role, towns and state; a form for a new user (a township editor
 * gets towns from the county's 15), whose one-time password shows once with a copy button; per user:
 * disable or enable, change role, towns and display name, reset the password (a new one-time password).
 * Everyone else sees why not. The server checks every change again (admin only, audited). The forms
 * (new user, and each user's edit row) are in users-form.ts.
 */
import type { SessionUser } from '../api/session.ts'
import { request } from '../api/client.ts'
import { ResetPasswordDocument, TownNamesDocument, UpdateUserDocument, UsersDocument, type UserFieldsFragment } from '../api/generated-users.ts'
import { send, SendError } from '../api/send.ts'
import { addStrings, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import { roleName } from '../views/shell.ts'
import { timeEl } from './common.ts'
import { signInRequired } from './sign-in-page.ts'
import { townList, type AccountPageData } from './account-page.ts'
import { createForm, editRow, replaced, ROLE_OF, withoutArgument } from './users-form.ts'
import { ACCOUNT_STRINGS } from '../lib/locale/accounts.ts'

addStrings(ACCOUNT_STRINGS)

export type UserRow = UserFieldsFragment
type Role = SessionUser['role']

/** A town a township editor may be given. */
export interface TownChoice {
  code: string
  nameZh: string
  nameEn: string
}

/** What the page shows: the users, or why not (nobody signed in, not an admin). */
export type UsersPageData =
  | { kind: 'signIn' }
  | { kind: 'forbidden'; role: Role }
  | {
      kind: 'users'
      users: UserRow[]
      towns: TownChoice[]
      townNames: AccountPageData['townNames']
      /** The outcome of the last change, announced. */
      notice: string | null
      /** A one-time password just made (by creating or resetting), shown until the next visit or change. */
      secret: { username: string; password: string } | null
    }

/** The county's units by code, and the towns in its statistics (the 15 a township editor may get). */
export async function loadTownNames(): Promise<{ towns: TownChoice[]; townNames: AccountPageData['townNames'] }> {
  const { regions } = await request(TownNamesDocument)
  return {
    towns: regions.filter((r) => r.inCountyStatistics && r.level !== 'COUNTY').map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
    townNames: new Map(regions.map((r) => [r.code, { nameZh: r.nameZh, nameEn: r.nameEn }])),
  }
}

/** Reads the page: `user` is who is signed in; an expired session reads as nobody. */
export async function loadUsersPage(user: SessionUser | null): Promise<UsersPageData> {
  if (!user) return { kind: 'signIn' }
  if (user.role !== 'admin') return { kind: 'forbidden', role: user.role }
  try {
    const [{ users }, names] = await Promise.all([send(UsersDocument, {}), loadTownNames()])
    return { kind: 'users', users, ...names, notice: null, secret: null }
  } catch (error) {
    if (error instanceof SendError && error.code === 'UNAUTHENTICATED') return { kind: 'signIn' }
    if (error instanceof SendError && error.code === 'FORBIDDEN') return { kind: 'forbidden', role: user.role }
    throw error
  }
}

export interface UsersHandlers {
  /** After a change: the new page data (then drawn again) and the element to focus. */
  onChanged(data: UsersPageData, focusId: string): void
}

type Loaded = Extract<UsersPageData, { kind: 'users' }>

function usersTable(data: Loaded, me: string, handlers: UsersHandlers): HTMLElement {
  const columns = 7
  const problem = h('p', { class: 'form-error', id: 'users-error', tabindex: '-1' })
  const fail = (error: unknown) => {
    problem.textContent = tf('accounts.failed', { message: withoutArgument((error as Error).message) })
    problem.setAttribute('role', 'alert')
    problem.focus()
  }
  const rows = data.users.flatMap((user) => {
    const self = user.username === me
    const edit = editRow(user, data, handlers, columns)
    const toggle = h(
      'button',
      { type: 'button', class: 'edit-button', 'aria-expanded': 'false', 'aria-controls': edit.id, 'data-user': user.username },
      t('accounts.edit'),
    )
    toggle.addEventListener('click', () => {
      edit.hidden = !edit.hidden
      toggle.setAttribute('aria-expanded', String(!edit.hidden))
      if (!edit.hidden) edit.querySelector<HTMLElement>('input, select')?.focus()
    })
    const setDisabled = () =>
      send(UpdateUserDocument, { username: user.username, input: { disabled: !user.disabled } }).then(
        ({ updateUser }) =>
          handlers.onChanged(
            {
              ...data,
              users: replaced(data, updateUser),
              notice: tf(updateUser.disabled ? 'accounts.disabledNotice' : 'accounts.enabledNotice', { username: user.username }),
              secret: null,
            },
            'users-notice',
          ),
        fail,
      )
    const reset = () =>
      send(ResetPasswordDocument, { username: user.username }).then(
        ({ resetPassword }) =>
          handlers.onChanged(
            {
              ...data,
              users: data.users.map((u) => (u.username === user.username ? { ...u, mustChangePassword: true } : u)),
              notice: tf('accounts.resetNotice', { username: user.username }),
              secret: { username: user.username, password: resetPassword },
            },
            'one-time-password-box',
          ),
        fail,
      )
    const status = [user.disabled ? t('accounts.statusDisabled') : t('accounts.statusActive'), user.mustChangePassword ? t('accounts.statusOneTime') : null]
    return [
      h(
        'tr',
        { 'data-user': user.username, 'data-disabled': String(user.disabled) },
        h('th', { scope: 'row' }, h('code', {}, user.username)),
        h('td', {}, user.displayName, self ? h('span', { class: 'hint' }, ' ', t('accounts.itsYou')) : null),
        h('td', { class: 'role' }, roleName(ROLE_OF[user.role])),
        h('td', { class: 'towns' }, townList(user.regions, data.townNames)),
        h('td', { class: 'status' }, status.filter(Boolean).join(t('accounts.listSep'))),
        h('td', {}, timeEl(user.createdAt)),
        h(
          'td',
          { class: 'actions' },
          self
            ? null
            : h(
                'button',
                { type: 'button', class: 'disable-button', 'data-user': user.username, onclick: () => void setDisabled() },
                user.disabled ? t('accounts.enable') : t('accounts.disable'),
              ),
          ' ',
          h('button', { type: 'button', class: 'reset-button', 'data-user': user.username, onclick: () => void reset() }, t('accounts.resetPassword')),
          ' ',
          self ? null : toggle,
        ),
      ),
      self ? null : edit,
    ]
  })
  return h(
    'div',
    {},
    problem,
    h(
      'table',
      { id: 'users-table', class: 'users-table' },
      h('caption', {}, tf('accounts.userCount', { n: data.users.length }), ' ', h('span', { class: 'hint' }, t('accounts.lastSignInUnknown'))),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('accounts.username'),
            t('accounts.displayName'),
            t('accounts.role'),
            t('accounts.regions'),
            t('accounts.status'),
            t('accounts.createdAt'),
            t('accounts.actions'),
          ].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  )
}

/** The one-time password just made, with a copy button (the text can be selected too). */
function secretBox(secret: { username: string; password: string }): HTMLElement {
  const status = h('span', { role: 'status', id: 'copy-status' })
  const code = h('code', { id: 'one-time-password', class: 'secret' }, secret.password)
  const copy = () => {
    const selectIt = () => {
      const range = document.createRange()
      range.selectNodeContents(code)
      getSelection()?.removeAllRanges()
      getSelection()?.addRange(range)
    }
    const clipboard = navigator.clipboard as Clipboard | undefined
    if (!clipboard) {
      selectIt()
      status.textContent = t('accounts.copyFailed')
      return
    }
    clipboard.writeText(secret.password).then(
      () => (status.textContent = t('accounts.copied')),
      () => {
        selectIt()
        status.textContent = t('accounts.copyFailed')
      },
    )
  }
  return h(
    'div',
    { class: 'secret-box', id: 'one-time-password-box', tabindex: '-1', 'data-user': secret.username },
    h('p', {}, tf('accounts.oneTimePassword', { username: secret.username })),
    h('p', {}, code, ' ', h('button', { type: 'button', id: 'copy-password', onclick: copy }, t('accounts.copy')), ' ', status),
  )
}

/** The page's content; `me` is the signed-in user (null: nobody). */
export function renderUsersPage(data: UsersPageData, me: SessionUser | null, handlers: UsersHandlers): HTMLElement {
  const page = (...content: (HTMLElement | null)[]) =>
    h('div', { class: 'leaders accounts-page users-page' }, h('h2', { id: 'page-title', tabindex: '-1' }, t('pageUsers')), ...content)
  if (!me || data.kind === 'signIn') return page(signInRequired('#/users'))
  if (me.role !== 'admin' || data.kind === 'forbidden')
    return page(h('p', { class: 'flag', id: 'users-refused' }, tf('accounts.adminsOnly', { role: roleName(me.role) })))
  return page(
    h('p', { class: 'hint' }, t('accounts.usersIntro')),
    h('p', { role: 'status', id: 'users-notice', tabindex: '-1' }, data.notice ?? ''),
    data.secret ? secretBox(data.secret) : null,
    h('h3', { id: 'new-user-title' }, t('accounts.createUser')),
    createForm(data, handlers),
    h('h3', {}, t('accounts.userList')),
    usersTable(data, me.username, handlers),
  )
}
