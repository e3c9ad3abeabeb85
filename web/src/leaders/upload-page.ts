/**
 * #/upload: a signed-in steward's bulk upload. Choose a table and a CSV or GeoJSON file; the dry run
 * (POST /import?dryRun=1, the command line's importer on the server) lists every row's problems with
 * line and column, or the new / changed / unchanged counts; "应用" sends the same file again (the server
 * re-runs the import on it and refuses other bytes than the dry run's), "取消" drops it. The page's
 * state (file, dry run, outcome) is data kept by the caller, so a redraw (language) keeps it.
 */
import type { SessionUser } from '../api/session.ts'
import { csrfHeaders } from '../api/session.ts'
import { storedToken } from '../api/send.ts'
import { addStrings, t, tf, type StringKey } from '../lib/i18n.ts'
import { VALUES_STRINGS } from '../lib/locale/values.ts'
import { h } from '../ui/dom.ts'
import { PLAN_LINK_STRINGS } from '../lib/locale/plan-links.ts'

addStrings(PLAN_LINK_STRINGS)

// The stewards' words (values, task status, upload) load with the pages that use them.
addStrings(VALUES_STRINGS)

/** The tables a file may be imported into (db/records/resources.ts), the commonest first. */
export const UPLOAD_RESOURCES = [
  'indicator-values',
  'service-points',
  'regions',
  'region-names',
  'seats',
  'region-boundaries',
  'indicators',
  'gi-products',
  'gi-product-regions',
  'departments',
  'tasks',
  'task-departments',
  'task-indicators',
] as const
const CRS = ['wgs84', 'gcj02', 'bd09'] as const

/** A problem of the file as POST /import reports it. */
export interface UploadProblem {
  line: number
  column: string | null
  message: string
  code: string
}

/** What POST /import answered. */
export interface UploadAnswer {
  ok: boolean
  dryRun: boolean
  format: 'csv' | 'geojson'
  sha256: string
  inserted?: number
  updated?: number
  unchanged?: number
  changes?: { action: 'INSERT' | 'UPDATE' | 'DELETE'; key: string; line: number | null; fields: string[] }[]
  problems: UploadProblem[]
  /** A refusal of the request itself (not signed in, too large, a bad parameter). */
  error?: string
}

export interface UploadState {
  resource: string
  crs: string
  file: File | null
  phase: 'idle' | 'checking' | 'checked' | 'applying' | 'applied' | 'cancelled'
  answer: UploadAnswer | null
}

export const INITIAL_UPLOAD: UploadState = { resource: 'indicator-values', crs: 'wgs84', file: null, phase: 'idle', answer: null }

/** Sends the file to POST /import (the session's CSRF header, or the tab's bearer token). */
export async function postUpload(file: Blob & { name: string }, resource: string, crs: string, dryRun: boolean, sha256?: string): Promise<UploadAnswer> {
  const params = new URLSearchParams({ resource, name: file.name, crs, ...(dryRun ? { dryRun: '1' } : {}), ...(sha256 ? { sha256 } : {}) })
  const token = storedToken()
  let response: Response
  try {
    response = await fetch(`/import?${params}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : await csrfHeaders()) },
      body: file,
    })
  } catch (error) {
    return { ok: false, dryRun, format: 'csv', sha256: '', problems: [], error: (error as Error).message }
  }
  const body = (await response.json().catch(() => ({}))) as Partial<UploadAnswer> & { errors?: { message: string; extensions?: { code?: string } }[] }
  const refused = response.status !== 200 && response.status !== 422
  return {
    ok: response.status === 200,
    dryRun,
    format: body.format ?? 'csv',
    sha256: body.sha256 ?? '',
    inserted: body.inserted,
    updated: body.updated,
    unchanged: body.unchanged,
    changes: body.changes,
    problems: body.problems ?? [],
    error: refused ? (body.errors?.[0]?.message ?? `HTTP ${response.status}`) : undefined,
  }
}

export interface UploadHandlers {
  state(): UploadState
  set(next: UploadState): void
}

const counts = (a: UploadAnswer) => ({ inserted: a.inserted ?? 0, updated: a.updated ?? 0, unchanged: a.unchanged ?? 0 })

function problemsTable(a: UploadAnswer): HTMLElement {
  return h(
    'table',
    { class: 'upload-problems', id: 'upload-problems' },
    h('caption', {}, t('upload.problemsCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(a.format === 'geojson' ? 'upload.feature' : 'upload.line')),
        h('th', { scope: 'col' }, t('upload.column')),
        h('th', { scope: 'col' }, t('upload.problem')),
      ),
    ),
    h(
      'tbody',
      {},
      a.problems.map((p) =>
        h(
          'tr',
          { 'data-code': p.code },
          h('td', {}, String(p.line)),
          h('td', {}, p.column ?? '—'),
          h('td', {}, p.code === 'FORBIDDEN' ? `${t('upload.forbidden')} · ${p.message}` : p.message),
        ),
      ),
    ),
  )
}

function changesTable(a: UploadAnswer): HTMLElement | null {
  if (!a.changes?.length) return null
  return h(
    'table',
    { class: 'upload-changes', id: 'upload-changes' },
    h('caption', {}, t('upload.changesCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t(a.format === 'geojson' ? 'upload.feature' : 'upload.line')),
        h('th', { scope: 'col' }, t('upload.action')),
        h('th', { scope: 'col' }, t('upload.key')),
        h('th', { scope: 'col' }, t('upload.fields')),
      ),
    ),
    h(
      'tbody',
      {},
      a.changes.map((c) =>
        h(
          'tr',
          {},
          h('td', {}, c.line === null ? '—' : String(c.line)),
          h('td', {}, t(`upload.action.${c.action}` as StringKey)),
          h('td', {}, c.key),
          h('td', {}, c.fields.join(', ')),
        ),
      ),
    ),
  )
}

function outcome(s: UploadState, onApply: () => void, onCancel: () => void): (HTMLElement | null)[] {
  const a = s.answer
  if (s.phase === 'checking' || s.phase === 'applying') return [h('p', { class: 'hint' }, t(s.phase === 'checking' ? 'upload.running' : 'upload.applying'))]
  if (s.phase === 'cancelled') return []
  if (!a) return []
  if (a.error) return [h('p', { class: 'flag', id: 'upload-error' }, tf('upload.failed', { message: a.error }))]
  if (!a.ok) return [h('p', { class: 'flag', id: 'upload-summary' }, tf('upload.problems', { n: a.problems.length })), problemsTable(a)]
  if (!a.dryRun) return [h('p', { id: 'upload-summary', class: 'done' }, tf('upload.applied', counts(a)))]
  const changes = a.changes?.length ?? 0
  return [
    h('p', { id: 'upload-summary' }, tf('upload.dryRunResult', counts(a)), changes ? '' : ` ${t('upload.nothingToApply')}`),
    changesTable(a),
    h(
      'p',
      { class: 'actions' },
      changes ? h('button', { type: 'button', class: 'primary', id: 'upload-apply', onclick: onApply }, t('upload.apply')) : null,
      ' ',
      h('button', { type: 'button', id: 'upload-cancel', onclick: onCancel }, t('upload.cancel')),
    ),
  ]
}

/** The page's content; `user` null (nobody signed in, and no token in this tab) says to sign in first. */
export function renderUploadPage(user: SessionUser | null, handlers: UploadHandlers): HTMLElement {
  const s = handlers.state()
  const update = (change: Partial<UploadState>) => handlers.set({ ...handlers.state(), ...change })
  const focusResult = () => document.getElementById('upload-status')?.focus()
  const fileError = h('p', { class: 'field-error', id: 'upload-file-error' })
  const fileInput = h('input', {
    type: 'file',
    id: 'upload-file',
    accept: '.csv,.geojson,.json,text/csv,application/geo+json',
    'aria-describedby': 'upload-file-error',
  })
  fileInput.addEventListener('change', () => update({ file: fileInput.files?.[0] ?? null, phase: 'idle', answer: null }))
  const run = async (dryRun: boolean) => {
    const { file, resource, crs, answer } = handlers.state()
    if (!file) {
      fileError.textContent = t('upload.fileRequired')
      fileError.setAttribute('role', 'alert')
      fileInput.setAttribute('aria-invalid', 'true')
      return fileInput.focus()
    }
    update({ phase: dryRun ? 'checking' : 'applying' })
    const next = await postUpload(file, resource, crs, dryRun, dryRun ? undefined : answer?.sha256)
    update({ phase: dryRun ? 'checked' : next.ok ? 'applied' : 'checked', answer: next })
    focusResult()
  }
  const onCancel = () => {
    update({ file: null, phase: 'cancelled', answer: null })
    focusResult()
  }
  if (!user && !storedToken())
    return h(
      'div',
      { class: 'leaders upload-page' },
      h('h2', { id: 'page-title', tabindex: '-1' }, t('pageUpload')),
      h('p', { class: 'flag', id: 'upload-denied' }, t('upload.needsSignIn')),
    )
  return h(
    'div',
    { class: 'leaders upload-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, t('pageUpload')),
    h('p', { class: 'hint' }, t('upload.intro')),
    h(
      'form',
      {
        class: 'upload-form',
        'aria-labelledby': 'page-title',
        onsubmit: (e: Event) => {
          e.preventDefault()
          void run(true)
        },
      },
      h(
        'p',
        {},
        h('label', { for: 'upload-resource' }, t('upload.resource')),
        h(
          'select',
          { id: 'upload-resource', onchange: (e: Event) => update({ resource: (e.target as HTMLSelectElement).value, phase: 'idle', answer: null }) },
          UPLOAD_RESOURCES.map((r) => h('option', { value: r, selected: r === s.resource }, `${t(`upload.resource.${r}` as StringKey)} (${r})`)),
        ),
      ),
      h(
        'p',
        {},
        h('label', { for: 'upload-file' }, t('upload.file')),
        fileInput,
        s.file ? h('span', { class: 'chosen', id: 'upload-chosen' }, ` ${tf('upload.chosen', { name: s.file.name })}`) : null,
        fileError,
      ),
      h(
        'p',
        {},
        h('label', { for: 'upload-crs' }, t('upload.crs')),
        h(
          'select',
          { id: 'upload-crs', onchange: (e: Event) => update({ crs: (e.target as HTMLSelectElement).value, phase: 'idle', answer: null }) },
          CRS.map((c) => h('option', { value: c, selected: c === s.crs }, t(`upload.crs.${c}` as StringKey))),
        ),
      ),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'submit', id: 'upload-dry-run', disabled: s.phase === 'checking' || s.phase === 'applying' }, t('upload.dryRun')),
      ),
    ),
    h(
      'div',
      { id: 'upload-status', role: 'status', tabindex: '-1', class: 'upload-result' },
      s.phase === 'cancelled' ? h('p', {}, t('upload.cancelled')) : null,
      outcome(s, () => void run(false), onCancel),
    ),
  )
}
