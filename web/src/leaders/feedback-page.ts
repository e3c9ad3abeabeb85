/** #/feedback: the stewards' queue of public feedback (editor): filter by status, answer, mark done. */
import { AnswerFeedbackDocument, CloseFeedbackDocument, FeedbackQueueDocument, type FeedbackItemFieldsFragment } from '../api/generated-leaders.ts'
import { hasStewardCredentials, send, SendError } from '../api/send.ts'
import type { FeedbackStatus } from '../../../schema/enum-values.ts'
import { addStrings, t, tf, type StringKey } from '../lib/i18n.ts'
import { historyRoute, signInHash } from '../lib/url-state.ts'
import { h } from '../ui/dom.ts'
import { timeEl } from './common.ts'
import { ACCOUNT_STRINGS } from '../lib/locale/accounts.ts'
import { FEEDBACK_STRINGS } from '../lib/locale/feedback.ts'

addStrings(ACCOUNT_STRINGS)
addStrings(FEEDBACK_STRINGS)

export type FeedbackItem = FeedbackItemFieldsFragment

/** What the page shows: the items of the chosen status, or why there are none (no editor token). */
export interface FeedbackPageState {
  status: FeedbackStatus | null
  items: FeedbackItem[]
  /** Set when the queue could not be read (no or a bad token: UNAUTHENTICATED / FORBIDDEN). */
  denied: string | null
  /** The outcome of the last answer or close, announced. */
  notice: string | null
}

const STATUSES: FeedbackStatus[] = ['OPEN', 'ANSWERED', 'DONE']

/** The status a page address asks for (`status=OPEN`), or null for all. */
export function statusOf(query: string): FeedbackStatus | null {
  const s = new URLSearchParams(query).get('status')
  return STATUSES.includes(s as FeedbackStatus) ? (s as FeedbackStatus) : null
}

/** Reads the queue; a refusal (nobody signed in and no token, not an editor) becomes `denied`. */
export async function loadFeedbackPage(status: FeedbackStatus | null): Promise<FeedbackPageState> {
  if (!(await hasStewardCredentials())) return { status, items: [], denied: t('feedback.needsToken'), notice: null }
  try {
    const data = await send(FeedbackQueueDocument, { statuses: status ? [status] : null })
    return { status, items: data.feedbackQueue, denied: null, notice: null }
  } catch (error) {
    if (error instanceof SendError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
      return { status, items: [], denied: `${t('feedback.needsToken')} (${error.message})`, notice: null }
    }
    throw error
  }
}

export interface FeedbackHandlers {
  onFilter(status: FeedbackStatus | null): void
  /** After an answer or a close: the changed item and what to announce. */
  onChanged(item: FeedbackItem, notice: string): void
  subjectHref(item: FeedbackItem): string | null
}

function itemView(item: FeedbackItem, handlers: FeedbackHandlers): HTMLElement {
  const key = `fbq-${item.id}`
  const error = h('p', { class: 'field-error', id: `${key}-error` })
  const answer = h('textarea', { id: `${key}-answer`, rows: 3, maxlength: 2000, 'aria-describedby': `${key}-error` })
  const fail = (e: unknown) => {
    error.textContent = (e as Error).message
    answer.setAttribute('aria-invalid', 'true')
    error.setAttribute('role', 'alert')
    answer.focus()
  }
  const onAnswer = (event: Event) => {
    event.preventDefault()
    if (!answer.value.trim()) return fail(new Error(t('feedback.answerRequired')))
    send(AnswerFeedbackDocument, { id: item.id, message: answer.value }).then(
      (d) => handlers.onChanged(d.answerFeedback, tf('feedback.answered', { id: item.id })),
      fail,
    )
  }
  const onClose = () =>
    void send(CloseFeedbackDocument, { id: item.id }).then((d) => handlers.onChanged(d.closeFeedback, tf('feedback.closed', { id: item.id })), fail)
  const href = handlers.subjectHref(item)
  const subject = `${t(`feedback.subject.${item.subjectType}` as StringKey)} ${item.subjectId}`
  return h(
    'li',
    { class: 'feedback-item', 'data-feedback': item.id, 'data-status': item.status },
    h(
      'h3',
      { id: `${key}-title` },
      `#${item.id} · ${t(`feedback.kind.${item.kind}` as StringKey)} · `,
      h('span', { class: 'status' }, t(`feedback.status.${item.status}` as StringKey)),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('feedback.subject')),
      h('dd', {}, href ? h('a', { href }, subject) : subject),
      h('dt', {}, t('feedback.sentAt')),
      h('dd', {}, timeEl(item.at)),
      h('dt', {}, t('feedback.contactShown')),
      h('dd', {}, item.contact ?? h('span', { class: 'unknown' }, t('feedback.noContact'))),
      h('dt', {}, t('feedback.publish')),
      h('dd', {}, item.publish ? t('feedback.willPublish') : t('feedback.private')),
    ),
    h('blockquote', { class: 'feedback-message' }, item.message),
    item.answers.map((a) =>
      h(
        'div',
        { class: 'feedback-answer' },
        h('p', { class: 'meta' }, tf('feedback.answeredBy', { author: a.author }), ' · ', timeEl(a.at)),
        h('p', {}, a.message),
      ),
    ),
    h(
      'form',
      { class: 'answer-form', 'aria-labelledby': `${key}-title`, onsubmit: onAnswer },
      h('p', {}, h('label', { for: `${key}-answer` }, t('feedback.yourAnswer')), answer, error),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('feedback.sendAnswer')),
        ' ',
        item.status === 'DONE' ? null : h('button', { type: 'button', onclick: onClose }, t('feedback.markDone')),
      ),
    ),
  )
}

/** The page's content. */
export function renderFeedbackPage(state: FeedbackPageState, handlers: FeedbackHandlers): HTMLElement {
  const select = h(
    'select',
    { id: 'feedback-filter', onchange: (e: Event) => handlers.onFilter(((e.target as HTMLSelectElement).value || null) as FeedbackStatus | null) },
    h('option', { value: '', selected: state.status === null }, t('feedback.filter.all')),
    STATUSES.map((s) => h('option', { value: s, selected: state.status === s }, t(`feedback.status.${s}` as StringKey))),
  )
  return h(
    'div',
    { class: 'leaders feedback-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, t('pageFeedback')),
    h('p', { class: 'hint' }, t('feedback.queueIntro')),
    h('p', { role: 'status', id: 'feedback-notice' }, state.notice ?? ''),
    state.denied
      ? h('p', { class: 'flag', id: 'feedback-denied' }, state.denied, ' ', h('a', { href: signInHash('#/feedback') }, t('accounts.needSignInLink')))
      : [
          h('p', {}, h('label', { for: 'feedback-filter' }, t('feedback.filter')), select),
          h('p', { id: 'feedback-count' }, state.items.length ? tf('feedback.count', { n: state.items.length }) : t('feedback.none')),
          state.items.length
            ? h(
                'ol',
                { class: 'feedback-queue' },
                state.items.map((i) => itemView(i, handlers)),
              )
            : null,
        ],
  )
}

/** Where an item's subject is shown: a station's history, a town's page, an indicator on #/indicators. */
export function subjectRoute(item: FeedbackItem): ReturnType<typeof historyRoute> | null {
  if (item.subjectType === 'SERVICE_POINT') return historyRoute('service_point', item.subjectId)
  if (item.subjectType === 'REGION') return { name: 'town', code: item.subjectId }
  if (item.subjectType === 'INDICATOR') return { name: 'indicators', query: '' }
  return null
}
