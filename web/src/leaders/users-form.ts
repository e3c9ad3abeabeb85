/**
 * The forms of #/users (users-page.ts draws the page and imports them): the one for a new user
 * (username, display name, role, and towns for a township editor) and, below each user's row, the one
 * that changes their display name, role and towns. Each checks its fields in the page, sends the change,
 * and shows the server's refusals at the field they name (the server checks every change again).
 */
import type { SessionUser } from '../api/session.ts'
import { CreateUserDocument, UpdateUserDocument, type UserRole as ApiRole } from '../api/generated-users.ts'
import { send, SendError } from '../api/send.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import { roleName } from '../views/shell.ts'
import { field, serverWords, setFieldError } from './sign-in-page.ts'
import type { TownChoice, UserRow, UsersHandlers, UsersPageData } from './users-page.ts'
import { ACCOUNT_STRINGS } from '../lib/locale/accounts.ts'

addStrings(ACCOUNT_STRINGS)

type Role = SessionUser['role']
type Loaded = Extract<UsersPageData, { kind: 'users' }>

const ROLES: Role[] = ['township-editor', 'editor', 'admin']
const API_ROLE: Record<Role, ApiRole> = { admin: 'ADMIN', editor: 'EDITOR', 'township-editor': 'TOWNSHIP_EDITOR' }
export const ROLE_OF: Record<ApiRole, Role> = { ADMIN: 'admin', EDITOR: 'editor', TOWNSHIP_EDITOR: 'township-editor' }

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/

/** The input field an error's argument names (`input.regions` → `regions`). */
const argumentField = (error: unknown) => (error instanceof SendError && error.argument ? error.argument.replace(/^input\./, '') : null)
/** A server message without its `Argument "input.x": ` prefix. */
export const withoutArgument = (message: string) => serverWords(message.replace(/^Argument "[^"]*": /, ''))

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

/** The users with `user` in place of the one of the same name. */
export const replaced = (data: Loaded, user: UserRow): UserRow[] => data.users.map((u) => (u.username === user.username ? user : u))

/** The form for a new user (a township editor by default, with no towns yet). */
export function createForm(data: Loaded, handlers: UsersHandlers): HTMLElement {
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
export function editRow(user: UserRow, data: Loaded, handlers: UsersHandlers, columns: number): HTMLTableRowElement {
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
