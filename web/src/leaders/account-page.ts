/**
 * #/account: who is signed in, what they may edit, and the password change (current, new, repeated), with
 * the server's rules checked first in the page and its answers shown under the field they concern. After
 * the first sign-in (a one-time password) the page comes first, then `?next=`.
 */
import { AuthError, changePassword, type SessionUser } from '../api/session.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { nextHashOf } from '../lib/url-state.ts'
import { h } from '../ui/dom.ts'
import { field, serverWords, setFieldError, signInRequired } from './sign-in-page.ts'
import { roleName } from '../views/shell.ts'
import { ACCOUNT_STRINGS } from '../lib/locale/accounts.ts'

addStrings(ACCOUNT_STRINGS)

/** What the page shows besides the user: the town names of their regions (code → name). */
export interface AccountPageData {
  townNames: Map<string, { nameZh: string; nameEn: string }>
}

/** Shortest and longest password the server accepts (server/src/auth/password.ts, PASSWORD_LENGTH). */
export const PASSWORD_RULE = { min: 10, max: 200 } as const

/** Why a new password would be refused (the server's rules, in words), or '' when it will do. */
export function newPasswordProblem(current: string, next: string): string {
  const length = [...next].length
  if (length < PASSWORD_RULE.min) return tf('accounts.tooShort', { n: length })
  if (length > PASSWORD_RULE.max) return tf('accounts.tooLong', { n: length })
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(next)) return t('accounts.controlChar')
  if (next === current) return t('accounts.sameAsCurrent')
  return ''
}

/** A list of region codes as town names in the current language (codes the page does not know stay codes). */
export function townList(codes: string[], names: AccountPageData['townNames']): string {
  if (!codes.length) return t('accounts.wholeCounty')
  return codes.map((c) => (names.get(c) ? (lang() === 'zh' ? names.get(c)!.nameZh : names.get(c)!.nameEn) : c)).join(t('accounts.listSep'))
}

/** The page's content for the signed-in `user` (null: nobody, then a link to #/sign-in). */
export function renderAccountPage(query: string, user: SessionUser | null, data: AccountPageData): HTMLElement {
  const title = h('h2', { id: 'page-title', tabindex: '-1' }, t('pageAccount'))
  if (!user) return h('div', { class: 'leaders accounts-page account-page' }, title, signInRequired('#/account'))
  const forced = user.mustChangePassword
  const notice = h('p', { id: 'account-notice', role: 'status', tabindex: '-1' })
  const problem = h('p', { id: 'account-error', class: 'form-error', tabindex: '-1' })
  const submit = h('button', { type: 'submit', class: 'primary', id: 'password-submit' }, t('accounts.savePassword'))
  const form = h(
    'form',
    { id: 'password-form', class: 'account-form', novalidate: true, 'aria-labelledby': 'password-title' },
    // The username, for password managers.
    h('input', {
      type: 'text',
      name: 'username',
      autocomplete: 'username',
      value: user.username,
      hidden: true,
      readonly: true,
      'aria-hidden': 'true',
      tabindex: -1,
    }),
    field('current-password', t('accounts.currentPassword'), { type: 'password', autocomplete: 'current-password', maxlength: 800 }),
    field('new-password', t('accounts.newPassword'), { type: 'password', autocomplete: 'new-password', maxlength: 800 }, t('accounts.passwordRules')),
    field('repeat-password', t('accounts.repeatPassword'), { type: 'password', autocomplete: 'new-password', maxlength: 800 }),
    problem,
    h('p', { class: 'actions' }, submit),
  )
  const input = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)!
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const [current, next, repeat] = ['current-password', 'new-password', 'repeat-password'].map(input)
    const problems: [string, string][] = [
      ['current-password', current.value ? '' : t('accounts.currentRequired')],
      ['new-password', newPasswordProblem(current.value, next.value)],
      ['repeat-password', repeat.value === next.value ? '' : t('accounts.mismatch')],
    ]
    for (const [id, message] of problems) setFieldError(form, id, message)
    problem.textContent = ''
    notice.textContent = ''
    const first = problems.find(([, message]) => message)
    if (first) return input(first[0]).focus()
    submit.disabled = true
    submit.textContent = t('accounts.saving')
    changePassword(current.value, next.value).then(
      () => {
        submit.disabled = false
        submit.textContent = t('accounts.savePassword')
        for (const i of [current, next, repeat]) i.value = ''
        if (forced || new URLSearchParams(query).has('next')) {
          location.hash = nextHashOf(query)
          return
        }
        notice.textContent = t('accounts.passwordChanged')
        notice.focus()
      },
      (error: unknown) => {
        submit.disabled = false
        submit.textContent = t('accounts.savePassword')
        if (error instanceof AuthError && error.code === 'BAD_USER_INPUT' && (error.field === 'currentPassword' || error.field === 'newPassword')) {
          const id = error.field === 'currentPassword' ? 'current-password' : 'new-password'
          // The server refuses a current password only when it is wrong.
          setFieldError(form, id, error.field === 'currentPassword' ? t('accounts.currentWrong') : serverWords(error.message))
          return input(id).focus()
        }
        problem.textContent =
          error instanceof AuthError && error.code === 'UNAUTHENTICATED'
            ? t('accounts.needSignIn')
            : tf('accounts.failed', { message: serverWords((error as Error).message) })
        problem.setAttribute('role', 'alert')
        problem.focus()
      },
    )
  })
  return h(
    'div',
    { class: 'leaders accounts-page account-page' },
    title,
    h('p', { id: 'account-who' }, h('strong', {}, user.displayName), ' · ', tf('accounts.who', { username: user.username, role: roleName(user.role) })),
    h('p', { id: 'account-scope' }, tf('accounts.scope', { scope: townList(user.regions, data.townNames) })),
    forced ? h('p', { class: 'flag', id: 'must-change-password' }, t('accounts.mustChangeFirst')) : null,
    notice,
    h('h3', { id: 'password-title' }, t('accounts.changePassword')),
    form,
  )
}
