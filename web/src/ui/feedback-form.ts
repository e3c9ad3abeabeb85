/**
 * Public feedback in the web app: the "报错/纠错 · Report a problem" button (station popups, the town
 * panel, each indicator), the small form it opens in a modal <dialog> (a label per field, errors read out
 * and tied to their field, focus returned to the button on close), and the published feedback of a subject.
 * Everything people wrote is shown as text, never as HTML.
 */
import type { FeedbackSubjectType } from '../../../schema/enum-values.ts'
import { PublishedFeedbackDocument, SendFeedbackDocument, type PublishedFeedbackQuery } from '../api/generated.ts'
import { request } from '../api/client.ts'
import { send, SendError } from '../api/send.ts'
import { addStrings, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { timeEl } from '../leaders/common.ts'
import { fill, h } from './dom.ts'
import { FEEDBACK_STRINGS } from '../lib/locale/feedback.ts'

addStrings(FEEDBACK_STRINGS)

export interface FeedbackSubject {
  type: FeedbackSubjectType
  id: string
  /** The subject's name in the current language, for the form's title. */
  name: string
}

let forms = 0

/** The button that opens the form about `subject`. */
export function feedbackButton(subject: FeedbackSubject): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'feedback-button', 'data-feedback-subject': `${subject.type}:${subject.id}` },
    t('feedback.report'),
    h('span', { class: 'visually-hidden' }, `: ${subject.name}`),
  )
  button.addEventListener('click', () => openFeedbackForm(subject, button))
  return button
}

/** Field → the argument the server names for it. */
const FIELDS: Record<string, string> = { 'input.message': 'message', 'input.contact': 'contact', 'input.subject.id': 'message', 'input.kind': 'kind' }

/** Opens the form in a modal dialog; on close, the focus goes back to `opener`. */
export function openFeedbackForm(subject: FeedbackSubject, opener: HTMLElement): HTMLDialogElement {
  const n = ++forms
  const id = (name: string) => `fb${n}-${name}`
  const status = h('p', { role: 'status', id: id('status'), class: 'feedback-status' })
  const alert = h('p', { role: 'alert', id: id('alert'), class: 'feedback-error' })
  const errorOf = (field: string) => h('p', { id: id(`${field}-error`), class: 'field-error' })
  const messageError = errorOf('message')
  const contactError = errorOf('contact')
  const message = h('textarea', { id: id('message'), name: 'message', rows: 5, maxlength: 2000, required: true, 'aria-describedby': id('message-error') })
  const contact = h('input', {
    id: id('contact'),
    name: 'contact',
    type: 'text',
    maxlength: 200,
    autocomplete: 'email',
    disabled: true,
    'aria-describedby': id('contact-error'),
  })
  const mayContact = h('input', { id: id('may-contact'), name: 'mayContact', type: 'checkbox' })
  mayContact.addEventListener('change', () => {
    contact.disabled = !mayContact.checked
    if (mayContact.checked) contact.focus()
  })
  const publish = h('input', { id: id('publish'), name: 'publish', type: 'checkbox' })
  const kinds = (['CORRECTION', 'DATA_REQUEST'] as const).map((k, i) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'kind', value: k, checked: i === 0 }), ' ', t(`feedback.kind.${k}` as StringKey)),
  )
  const submit = h('button', { type: 'submit', class: 'primary' }, t('feedback.send'))
  const cancel = h('button', { type: 'button', value: 'cancel' }, t('feedback.cancel'))
  const form = h(
    'form',
    { class: 'feedback-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('feedback.kind')), kinds),
    h('p', {}, h('label', { for: id('message') }, t('feedback.message')), message, messageError),
    h('p', {}, h('label', { class: 'choice', for: id('may-contact') }, mayContact, ' ', t('feedback.mayContact'))),
    h('p', {}, h('label', { for: id('contact') }, t('feedback.contact')), contact, contactError),
    h('p', {}, h('label', { class: 'choice', for: id('publish') }, publish, ' ', t('feedback.publish'))),
    alert,
    status,
    h('p', { class: 'actions' }, submit, ' ', cancel),
  )
  const dialog = h(
    'dialog',
    { class: 'feedback-dialog', 'aria-labelledby': id('title'), lang: lang() === 'zh' ? 'zh-CN' : 'en' },
    h('h2', { id: id('title') }, tf('feedback.reportAbout', { name: subject.name })),
    h('p', { class: 'hint' }, t('feedback.intro')),
    form,
  )
  const showError = (field: 'message' | 'contact' | null, text: string) => {
    for (const [input, error] of [
      [message, messageError],
      [contact, contactError],
    ] as const) {
      input.removeAttribute('aria-invalid')
      error.textContent = ''
    }
    alert.textContent = text
    if (field === 'message') {
      message.setAttribute('aria-invalid', 'true')
      messageError.textContent = text
      message.focus()
    } else if (field === 'contact') {
      contact.setAttribute('aria-invalid', 'true')
      contactError.textContent = text
      contact.focus()
    }
  }
  const close = () => dialog.close()
  cancel.addEventListener('click', close)
  dialog.addEventListener('close', () => {
    dialog.remove()
    opener.focus()
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!message.value.trim()) return showError('message', t('feedback.messageRequired'))
    const kind = (form.querySelector<HTMLInputElement>('input[name=kind]:checked')?.value ?? 'CORRECTION') as 'CORRECTION' | 'DATA_REQUEST'
    submit.disabled = true
    status.textContent = t('feedback.sending')
    const input = {
      kind,
      subject: { type: subject.type, id: subject.id },
      message: message.value,
      mayContact: mayContact.checked,
      contact: mayContact.checked ? contact.value : null,
      publish: publish.checked,
    }
    send(SendFeedbackDocument, { input }).then(
      ({ sendFeedback: receipt }) => {
        showError(null, '')
        fill(
          form,
          h('p', { role: 'status', class: 'feedback-sent' }, tf('feedback.sent', { id: receipt.id }), receipt.publish ? ` ${t('feedback.sentPublic')}` : ''),
        )
        const done = h('button', { type: 'button', class: 'primary' }, t('feedback.close'))
        done.addEventListener('click', close)
        form.append(h('p', { class: 'actions' }, done))
        done.focus()
      },
      (error: unknown) => {
        submit.disabled = false
        status.textContent = ''
        const e = error instanceof SendError ? error : null
        if (e?.code === 'RATE_LIMITED') return showError(null, tf('feedback.tooMany', { n: e.retryAfter ?? 60 }))
        const field = e?.argument ? FIELDS[e.argument] : undefined
        showError(field === 'message' || field === 'contact' ? field : null, tf('feedback.failed', { message: (error as Error).message }))
      },
    )
  })
  document.body.append(dialog)
  dialog.showModal()
  message.focus()
  return dialog
}

type PublishedItem = PublishedFeedbackQuery['publicFeedbackAbout'][number]

/** Sections drawn in one turn of the event loop, asked for together in one request (a page shows one under each of many cards). */
let pending: { subject: Omit<FeedbackSubject, 'name'>; fillIn: (items: PublishedItem[]) => void }[] = []

/** The most subjects one request may name (the server's MAX_FEEDBACK_SUBJECTS). */
const SUBJECTS_PER_REQUEST = 100

function askPending(): void {
  const all = pending
  pending = []
  for (let i = 0; i < all.length; i += SUBJECTS_PER_REQUEST) ask(all.slice(i, i + SUBJECTS_PER_REQUEST))
}

function ask(batch: typeof pending): void {
  const subjects = [...new Map(batch.map(({ subject }) => [`${subject.type}:${subject.id}`, { type: subject.type, id: subject.id }])).values()]
  request(PublishedFeedbackDocument, { subjects }).then(
    ({ publicFeedbackAbout }) => {
      for (const { subject, fillIn } of batch) fillIn(publicFeedbackAbout.filter((f) => f.subjectType === subject.type && f.subjectId === subject.id))
    },
    () => {
      // Published feedback is an extra: the page stands without it.
    },
  )
}

/** The published feedback about a subject (answered, agreed to be published), loaded into a section; empty when there is none. */
export function publishedFeedback(subject: Omit<FeedbackSubject, 'name'>, headingLevel: 'h3' | 'h4' | 'h5' = 'h3'): HTMLElement {
  const section = h('section', { class: 'published-feedback', 'data-feedback-for': `${subject.type}:${subject.id}`, hidden: true })
  const fillIn = (publicFeedback: PublishedItem[]) => {
    if (!publicFeedback.length) return
    fill(
      section,
      h(headingLevel, {}, t('feedback.published')),
      h(
        'ul',
        {},
        publicFeedback.map((f) =>
          h(
            'li',
            { 'data-feedback': f.id },
            h('p', { class: 'meta' }, t(`feedback.kind.${f.kind}` as StringKey), ' · ', timeEl(f.at)),
            h('blockquote', { class: 'feedback-message' }, f.message),
            f.answers.map((a) =>
              h(
                'div',
                { class: 'feedback-answer' },
                h('p', { class: 'meta' }, tf('feedback.answeredBy', { author: a.author }), ' · ', timeEl(a.at)),
                h('p', {}, a.message),
              ),
            ),
          ),
        ),
      ),
    )
    section.hidden = false
  }
  pending.push({ subject, fillIn })
  if (pending.length === 1) queueMicrotask(askPending)
  return section
}
