/**
 * #/sign-in: username and password; the server's refusals in words (wrong password, locked with the time
 * left, disabled) with the focus on them; afterwards back to `?next=` (an address of the app) or #/, by way
 * of #/account when the user still has the one-time password an admin gave them.
 */
import { AuthError, signIn, type SessionUser } from '../api/session.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { nextHashOf, signInHash } from '../lib/url-state.ts'
import { h } from '../ui/dom.ts'
import { ACCOUNT_STRINGS } from '../lib/locale/accounts.ts'

addStrings(ACCOUNT_STRINGS)

/** "Please sign in first" with a link to #/sign-in that leads back to `next` (a hash such as `#/users`). */
export function signInRequired(next: string): HTMLElement {
  return h(
    'p',
    { class: 'flag', id: 'sign-in-required' },
    t('accounts.needSignIn'),
    ' ',
    h('a', { href: signInHash(next), id: 'sign-in-required-link' }, t('accounts.needSignInLink')),
  )
}

/** The part of a two-language server message (`中文 · English`) in the current language; the whole message otherwise. */
export function serverWords(message: string): string {
  const parts = message.split(' · ')
  return parts.length === 2 ? parts[lang() === 'zh' ? 0 : 1] : message
}

/** The time an account stays locked, in words, from the seconds the server names in its message ("请 120 秒后再试 · … in 120 s"). */
export function lockedFor(message: string): string {
  const seconds = Number(/(\d+)/.exec(message)?.[1] ?? NaN)
  if (!Number.isFinite(seconds)) return tf('accounts.minutes', { n: 1 })
  return seconds < 120 ? tf('accounts.seconds', { n: seconds }) : tf('accounts.minutes', { n: Math.ceil(seconds / 60) })
}

/** What a refused sign-in says to the user. */
export function signInProblem(error: unknown): string {
  if (!(error instanceof AuthError)) return tf('accounts.failed', { message: (error as Error).message })
  switch (error.code) {
    case 'WRONG_CREDENTIALS':
      return t('accounts.wrongCredentials')
    case 'ACCOUNT_LOCKED':
      return tf('accounts.locked', { time: lockedFor(error.message) })
    case 'ACCOUNT_DISABLED':
      return t('accounts.accountDisabled')
    default:
      return tf('accounts.failed', { message: serverWords(error.message) })
  }
}

/** The address after signing in: #/account first while the password is the one-time one. */
export function afterSignIn(user: SessionUser, query: string): string {
  const next = nextHashOf(query)
  return user.mustChangePassword ? `#/account?${new URLSearchParams({ next })}` : next
}

/** A labelled input with its error line (tied by aria-describedby). */
export function field(id: string, label: string, attrs: Record<string, string | number | boolean>, hint?: string): HTMLElement {
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ')
  return h(
    'p',
    { class: 'form-field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, 'aria-describedby': described, ...attrs }),
    hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('span', { class: 'field-error', id: `${id}-error` }),
  )
}

/** Shows `message` under the input `id` (read out), marks it invalid; an empty message clears it. */
export function setFieldError(form: HTMLElement, id: string, message: string): void {
  const input = form.querySelector<HTMLElement>(`#${id}`)
  const error = form.querySelector<HTMLElement>(`#${id}-error`)
  if (!input || !error) return
  error.textContent = message
  if (message) {
    input.setAttribute('aria-invalid', 'true')
    error.setAttribute('role', 'alert')
  } else {
    input.removeAttribute('aria-invalid')
    error.removeAttribute('role')
  }
}

/** The page's content. `user`: who is signed in (null: nobody; undefined: not known yet). */
export function renderSignInPage(query: string, user: SessionUser | null | undefined): HTMLElement {
  const page = (...content: (HTMLElement | null)[]) =>
    h('div', { class: 'leaders accounts-page sign-in-page' }, h('h2', { id: 'page-title', tabindex: '-1' }, t('pageSignIn')), ...content)
  if (user) {
    return page(
      h('p', { id: 'signed-in-as' }, tf('accounts.alreadySignedIn', { name: user.displayName })),
      h(
        'p',
        {},
        h('a', { href: '#/account' }, t('accounts.goAccount')),
        ' · ',
        h('a', { href: nextHashOf(query), id: 'sign-in-continue' }, t('accounts.continue')),
      ),
    )
  }
  const problem = h('p', { id: 'sign-in-error', class: 'form-error', tabindex: '-1' })
  const submit = h('button', { type: 'submit', class: 'primary', id: 'sign-in-submit' }, t('accounts.submitSignIn'))
  const form = h(
    'form',
    { id: 'sign-in-form', class: 'account-form', novalidate: true, 'aria-labelledby': 'page-title' },
    field('sign-in-username', t('accounts.username'), { type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', maxlength: 64 }),
    field('sign-in-password', t('accounts.password'), { type: 'password', autocomplete: 'current-password', maxlength: 800 }),
    problem,
    h('p', { class: 'actions' }, submit),
  )
  const input = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)!
  const showProblem = (message: string) => {
    problem.textContent = message
    problem.setAttribute('role', 'alert')
    problem.focus()
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const username = input('sign-in-username')
    const password = input('sign-in-password')
    setFieldError(form, 'sign-in-username', username.value.trim() ? '' : t('accounts.usernameRequired'))
    setFieldError(form, 'sign-in-password', password.value ? '' : t('accounts.passwordRequired'))
    problem.textContent = ''
    problem.removeAttribute('role')
    if (!username.value.trim()) return username.focus()
    if (!password.value) return password.focus()
    submit.disabled = true
    submit.textContent = t('accounts.signingIn')
    signIn(username.value.trim(), password.value).then(
      (signedIn) => {
        location.hash = afterSignIn(signedIn, query)
      },
      (error: unknown) => {
        submit.disabled = false
        submit.textContent = t('accounts.submitSignIn')
        password.value = ''
        if (error instanceof AuthError && error.code === 'BAD_USER_INPUT' && error.field) {
          const id = error.field === 'password' ? 'sign-in-password' : 'sign-in-username'
          setFieldError(form, id, serverWords(error.message))
          return input(id).focus()
        }
        showProblem(signInProblem(error))
      },
    )
  })
  return page(h('p', { class: 'hint' }, t('accounts.signInIntro')), form)
}
