/**
 * #/users (admins): every user with their role, towns and state; a form for a new user (a township editor
 * gets towns from the county's 15), whose one-time password shows once with a copy button; per user:
 * disable or enable, change role, towns and display name, reset the password (a new one-time password).
 * Everyone else sees why not. The server checks every change again (admin only, audited).
 */
import type { SessionUser } from '../api/session.ts'
import { request } from '../api/client.ts'
import {
  CreateUserDocument,
  ResetPasswordDocument,
  TownNamesDocument,
  UpdateUserDocument,
  UsersDocument,
  type UserFieldsFragment,
  type UserRole as ApiRole,
} from '../api/generated-users.ts'
import { send, SendError } from '../api/send.ts'
import { lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import { roleName } from '../views/shell.ts'
import { timeEl } from './common.ts'
import { field, serverWords, setFieldError, signInRequired } from './sign-in-page.ts'
import { townList, type AccountPageData } from './account-page.ts'

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

const ROLES: Role[] = ['township-editor', 'editor', 'admin']
const API_ROLE: Record<Role, ApiRole> = { admin: 'ADMIN', editor: 'EDITOR', 'township-editor': 'TOWNSHIP_EDITOR' }
const ROLE_OF: Record<ApiRole, Role> = { ADMIN: 'admin', EDITOR: 'editor', TOWNSHIP_EDITOR: 'township-editor' }

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

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/

/** The input field an error's argument names (`input.regions` → `regions`). */
const argumentField = (error: unknown) => (error instanceof SendError && error.argument ? error.argument.replace(/^input\./, '') : null)
/** A server message without its `Argument "input.x": ` prefix. */
const withoutArgument = (message: string) => serverWords(message.replace(/^Argument "[^"]*": /, ''))

export interface UsersHandlers {
  /** After a change: the new page data (then drawn again) and the element to focus. */
  onChanged(data: UsersPageData, focusId: string): void
}

/** The role select and the town checkboxes (shown only for a township editor) of a form. */
function scopeFields(prefix: string, towns: TownChoice[], role: Role, chosen: string[]): HTMLElement[] {
  const fieldset = h(
    'fieldset',
    { id: `${prefix}-regions`, class: 'town-choices', hidden: role !== 'township-editor', 'aria-describedby': `${prefix}-regions-error` },
    h('legend', {}, t('accounts.regionsLegend')),
    h(
      'ul',
      {},
      towns.map((town) =>
        h(
          'li',
          {},
          h('input', { type: 'checkbox', id: `${prefix}-region-${town.code}`, name: 'regions', value: town.code, checked: chosen.includes(town.code) }),
          h('label', { for: `${prefix}-region-${town.code}` }, lang() === 'zh' ? town.nameZh : town.nameEn),
        ),
      ),
    ),
    h('span', { class: 'field-error', id: `${prefix}-regions-error` }),
  )
  const county = h('p', { class: 'hint', id: `${prefix}-county-note`, hidden: role === 'township-editor' }, t('accounts.regionsCounty'))
  const select = h(
    'select',
    { id: `${prefix}-role`, name: 'role', 'aria-describedby': `${prefix}-role-error` },
    ROLES.map((r) => h('option', { value: r, selected: r === role }, roleName(r))),
  )
  select.addEventListener('change', () => {
    const township = select.value === 'township-editor'
    fieldset.hidden = !township
    county.hidden = township
  })
  return [
    h(
      'p',
      { class: 'form-field' },
      h('label', { for: `${prefix}-role` }, t('accounts.role')),
      select,
      h('span', { class: 'field-error', id: `${prefix}-role-error` }),
    ),
    fieldset,
    county,
  ]
}

/** The role and towns a form holds (towns only for a township editor). */
function scopeOf(form: HTMLElement, prefix: string): { role: Role; regions: string[] } {
  const role = form.querySelector<HTMLSelectElement>(`#${prefix}-role`)!.value as Role
  const regions =
    role === 'township-editor' ? [...form.querySelectorAll<HTMLInputElement>(`#${prefix}-regions input[type=checkbox]:checked`)].map((i) => i.value) : []
  return { role, regions }
}

/** Shows a server refusal under the field it names (or under the form), focusing it. */
function showServerError(form: HTMLElement, prefix: string, error: unknown): void {
  const name = argumentField(error)
  const id = name === 'username' ? `${prefix}-username` : name === 'displayName' ? `${prefix}-display-name` : name === 'role' ? `${prefix}-role` : null
  const message = withoutArgument((error as Error).message)
  if (id) {
    setFieldError(form, id, message)
    form.querySelector<HTMLElement>(`#${id}`)?.focus()
    return
  }
  if (name === 'regions') {
    const box = form.querySelector<HTMLElement>(`#${prefix}-regions-error`)!
    box.textContent = message
    box.setAttribute('role', 'alert')
    form.querySelector<HTMLElement>(`#${prefix}-regions input`)?.focus()
    return
  }
  const problem = form.querySelector<HTMLElement>(`#${prefix}-error`)!
  problem.textContent = tf('accounts.failed', { message })
  problem.setAttribute('role', 'alert')
  problem.focus()
}

/** Checks a form's display name and towns in the page (the server checks them again); returns whether they will do. */
function checkScope(form: HTMLElement, prefix: string, displayName: string, scope: { role: Role; regions: string[] }): boolean {
  const nameProblem = [...displayName].length > 64 ? t('accounts.displayNameTooLong') : ''
  setFieldError(form, `${prefix}-display-name`, nameProblem)
  const regionsError = form.querySelector<HTMLElement>(`#${prefix}-regions-error`)!
  const townProblem = scope.role === 'township-editor' && !scope.regions.length ? t('accounts.pickTown') : ''
  regionsError.textContent = townProblem
  if (townProblem) regionsError.setAttribute('role', 'alert')
  else regionsError.removeAttribute('role')
  if (nameProblem) form.querySelector<HTMLElement>(`#${prefix}-display-name`)?.focus()
  else if (townProblem) form.querySelector<HTMLElement>(`#${prefix}-regions input`)?.focus()
  return !nameProblem && !townProblem
}

type Loaded = Extract<UsersPageData, { kind: 'users' }>

const replaced = (data: Loaded, user: UserRow): UserRow[] => data.users.map((u) => (u.username === user.username ? user : u))

function createForm(data: Loaded, handlers: UsersHandlers): HTMLElement {
  const prefix = 'new-user'
  const submit = h('button', { type: 'submit', class: 'primary', id: `${prefix}-submit` }, t('accounts.create'))
  const form = h(
    'form',
    { id: `${prefix}-form`, class: 'account-form', novalidate: true, 'aria-labelledby': `${prefix}-title` },
    field(
      `${prefix}-username`,
      t('accounts.username'),
      { type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: 32, required: true },
      t('accounts.usernameHint'),
    ),
    field(`${prefix}-display-name`, t('accounts.displayName'), { type: 'text', autocomplete: 'off', maxlength: 80 }, t('accounts.displayNameHint')),
    ...scopeFields(prefix, data.towns, 'township-editor', []),
    h('p', { class: 'form-error', id: `${prefix}-error`, tabindex: '-1' }),
    h('p', { class: 'actions' }, submit),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const usernameInput = form.querySelector<HTMLInputElement>(`#${prefix}-username`)!
    const username = usernameInput.value.trim().toLowerCase()
    const displayName = form.querySelector<HTMLInputElement>(`#${prefix}-display-name`)!.value.trim()
    const scope = scopeOf(form, prefix)
    const usernameProblem = USERNAME.test(username) ? '' : tf('accounts.usernameBad', { rule: t('accounts.usernameHint') })
    setFieldError(form, `${prefix}-username`, usernameProblem)
    if (usernameProblem) return usernameInput.focus()
    if (!checkScope(form, prefix, displayName, scope)) return
    submit.disabled = true
    send(CreateUserDocument, { input: { username, displayName: displayName || null, role: API_ROLE[scope.role], regions: scope.regions } }).then(
      ({ createUser }) =>
        handlers.onChanged(
          {
            ...data,
            users: [...data.users, createUser.user].sort((a, b) => a.username.localeCompare(b.username)),
            notice: tf('accounts.createdNotice', { username: createUser.user.username }),
            secret: { username: createUser.user.username, password: createUser.oneTimePassword },
          },
          'one-time-password-box',
        ),
      (error: unknown) => {
        submit.disabled = false
        showServerError(form, prefix, error)
      },
    )
  })
  return form
}

/** The row below a user's row with the form that changes their display name, role and towns. */
function editRow(user: UserRow, data: Loaded, handlers: UsersHandlers, columns: number): HTMLTableRowElement {
  const prefix = `edit-${user.username.replace(/[^a-z0-9_-]/g, '_')}`
  const form = h(
    'form',
    { id: `${prefix}-form`, class: 'account-form edit-user', novalidate: true, 'aria-label': tf('accounts.editOf', { username: user.username }) },
    field(`${prefix}-display-name`, t('accounts.displayName'), { type: 'text', value: user.displayName, maxlength: 80 }),
    ...scopeFields(prefix, data.towns, ROLE_OF[user.role], user.regions),
    h('p', { class: 'form-error', id: `${prefix}-error`, tabindex: '-1' }),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: `${prefix}-submit` }, t('accounts.save'))),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const displayName = form.querySelector<HTMLInputElement>(`#${prefix}-display-name`)!.value.trim()
    const scope = scopeOf(form, prefix)
    if (!checkScope(form, prefix, displayName, scope)) return
    send(UpdateUserDocument, {
      username: user.username,
      input: { displayName: displayName || user.displayName, role: API_ROLE[scope.role], regions: scope.regions },
    }).then(
      ({ updateUser }) =>
        handlers.onChanged(
          { ...data, users: replaced(data, updateUser), notice: tf('accounts.updatedNotice', { username: user.username }), secret: null },
          'users-notice',
        ),
      (error: unknown) => showServerError(form, prefix, error),
    )
  })
  return h('tr', { class: 'edit-row', id: `${prefix}-row`, hidden: true }, h('td', { colspan: columns }, form))
}

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
