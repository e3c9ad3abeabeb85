/**
 * The form on an indicator's card (#/indicators) where a signed-in steward records an ACTUAL value:
 * region (the county for editors and admins; a township editor's own towns), year (the plan's), the
 * value in the indicator's display unit (or another unit it accepts), and, as they type, the base value
 * it will be stored as and the plausibility warnings (checkIndicatorValue, debounced); a source, a
 * status and a note. Saving with warnings needs "我已核对". The server's refusals show at their field.
 * Loaded on first use, by signed-in stewards only (steward-hooks.ts imports it when the button is pressed).
 */
import { ApiError, mutate, request } from '../api/client.ts'
import {
  CheckIndicatorValueDocument,
  EnterIndicatorValueDocument,
  ValueEntryRegionsDocument,
  type CheckIndicatorValueQuery,
  type ValueEntryRegionsQuery,
} from '../api/generated-leaders.ts'
import type { SessionUser } from '../api/session.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { VALUES_STRINGS } from '../lib/locale/values.ts'
import { h } from '../ui/dom.ts'
import { ValueStatus, valuesOf } from '../../../schema/enum-values.ts'
import type { PlanIndicator } from './api.ts'
import { unitChoices } from './value-units.ts'
import { INDICATORS_STRINGS } from '../lib/locale/indicators.ts'

addStrings(INDICATORS_STRINGS)

// The stewards' words (values, task status, upload) load with the pages that use them.
addStrings(VALUES_STRINGS)

export { unitChoices }

type RegionRow = Omit<ValueEntryRegionsQuery['regions'][number], 'parent'>
type Warning = CheckIndicatorValueQuery['checkIndicatorValue']['warnings'][number]

/** What the card learns after a save. */
export interface SavedValue {
  region: string
  year: number
  /** In the base unit. */
  value: number
  status: ValueStatus
  /** The sentence to announce on the card. */
  notice: string
}

export interface ValueFormOptions {
  indicator: PlanIndicator
  user: SessionUser
  /** The plan's years (baseline year to target year). */
  years: number[]
  onSaved(saved: SavedValue): Promise<void>
  onCancel(): void
}

/** A typed number (thousands separators and full-width digits allowed), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const plain = text
    .trim()
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[,\uff0c\s]/g, '')
    .replace(/\uff0e/g, '.')
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null
  const n = Number(plain)
  return Number.isFinite(n) ? n : null
}

let regionsOnce: Promise<RegionRow[]> | undefined
/** The county (the towns' parent) and its towns. */
const loadRegions = () =>
  (regionsOnce ??= request(ValueEntryRegionsDocument).then((d) => {
    const county = d.regions.find((r) => r.parent?.level === 'COUNTY')?.parent
    return [
      ...(county ? [county] : []),
      ...d.regions.map(({ code, nameZh, nameEn, level, inCountyStatistics }) => ({ code, nameZh, nameEn, level, inCountyStatistics })),
    ]
  }))

/** The regions a user may record values for: the county (editors, admins) and the towns in the county's statistics (a township editor's own). */
export function regionChoices(regions: RegionRow[], user: SessionUser): RegionRow[] {
  const county = regions.filter((r) => r.level === 'COUNTY')
  const towns = regions.filter((r) => r.level !== 'COUNTY' && r.inCountyStatistics)
  if (user.role === 'township-editor' && user.regions.length) return towns.filter((r) => user.regions.includes(r.code))
  return [...county, ...towns]
}

const regionName = (r: RegionRow) => (lang() === 'zh' ? r.nameZh : r.nameEn)

/** Builds the form (the regions load first); resolves to the form element, focused on its first field by the caller. */
export async function renderValueForm(o: ValueFormOptions): Promise<HTMLFormElement> {
  const regions = regionChoices(await loadRegions(), o.user)
  const i = o.indicator
  const id = `vf-${i.code}`
  const units = unitChoices(i)
  const error = (field: string) => h('p', { class: 'field-error', id: `${id}-${field}-error` })
  const errors = {
    region: error('region'),
    year: error('year'),
    value: error('value'),
    source: error('source'),
    status: error('status'),
    note: error('note'),
    confirm: error('confirm'),
    form: error('form'),
  }
  type Field = keyof typeof errors
  const described = (field: Field) => ({ 'aria-describedby': `${id}-${field}-error` })

  const region = h(
    'select',
    { id: `${id}-region`, name: 'region', ...described('region') },
    regions.map((r) => h('option', { value: r.code }, r.level === 'COUNTY' ? tf('values.countyWhole', { name: regionName(r) }) : regionName(r))),
  )
  const latestYear = o.years.filter((y) => y <= new Date().getFullYear()).at(-1)
  const year = h(
    'select',
    { id: `${id}-year`, name: 'year', ...described('year') },
    o.years.map((y) => h('option', { value: y, selected: y === latestYear }, String(y))),
  )
  const unit = h(
    'select',
    { id: `${id}-unit`, name: 'unit' },
    units.map((u) => h('option', { value: u.unit }, u.unit)),
  )
  const unitText = h('span', { class: 'unit', id: `${id}-unit-text` }, units[0].unit)
  const value = h('input', {
    id: `${id}-value`,
    name: 'value',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    required: true,
    ...described('value'),
  })
  const valueLabel = h('label', { for: `${id}-value` }, tf('values.value', { unit: units[0].unit }))
  const preview = h('p', { class: 'stored-as', id: `${id}-preview`, role: 'status', 'aria-live': 'polite' })
  const warningList = h('ul', { class: 'warnings', id: `${id}-warnings` })
  const confirm = h('input', { type: 'checkbox', id: `${id}-confirm`, name: 'confirm', ...described('confirm') })
  const warningBox = h(
    'div',
    { class: 'value-warnings flag', id: `${id}-warning-box`, hidden: true },
    h('p', {}, t('values.warnings')),
    warningList,
    h('p', {}, confirm, ' ', h('label', { for: `${id}-confirm` }, t('values.confirm'))),
    errors.confirm,
  )
  const source = h('input', { id: `${id}-source`, name: 'source', type: 'text', required: true, maxlength: 500, ...described('source') })
  const status = h(
    'select',
    { id: `${id}-status`, name: 'status', ...described('status') },
    valuesOf(ValueStatus).map((s) => h('option', { value: s }, enumLabel('ValueStatus', s, lang()))),
  )
  const note = h('textarea', { id: `${id}-note`, name: 'note', rows: 2, maxlength: 2000, ...described('note') })
  const fieldOf: Record<Field, HTMLElement> = { region, year, value, source, status, note, confirm, form: value }
  const save = h('button', { type: 'submit', class: 'primary' }, t('values.save'))

  let warnings: Warning[] = []
  const clearErrors = () => {
    for (const [field, p] of Object.entries(errors) as [Field, HTMLElement][]) {
      p.textContent = ''
      p.removeAttribute('role')
      fieldOf[field].removeAttribute('aria-invalid')
    }
  }
  const showError = (field: Field, message: string, focus = true) => {
    errors[field].textContent = message
    errors[field].setAttribute('role', 'alert')
    if (field !== 'form') fieldOf[field].setAttribute('aria-invalid', 'true')
    if (focus) fieldOf[field].focus()
  }
  /** The input field an error of the server names (`input.value`, `confirmWarnings`); FORBIDDEN is the region's. */
  const fieldOfError = (e: ApiError): Field => {
    if (e.code === 'FORBIDDEN') return 'region'
    const argument = typeof e.extensions.argument === 'string' ? e.extensions.argument : ''
    if (argument === 'confirmWarnings') return 'confirm'
    const name = argument.replace(/^input\./, '')
    if (name === 'unit') return 'value'
    return name in errors ? (name as Field) : 'form'
  }
  const showWarnings = (list: Warning[]) => {
    const before = warnings.map((w) => w.code).join()
    warnings = list
    warningList.replaceChildren(...list.map((w) => h('li', { 'data-code': w.code }, lang() === 'zh' ? w.messageZh : w.messageEn)))
    warningBox.hidden = !list.length
    if (list.map((w) => w.code).join() !== before) confirm.checked = false
  }
  const input = () => {
    const n = parseNumber(value.value)
    return n === null
      ? null
      : {
          indicator: i.code,
          region: region.value,
          year: Number(year.value),
          value: n,
          unit: unit.value,
          source: source.value.trim(),
          status: status.value as ValueStatus,
          note: note.value.trim() || null,
        }
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0
  const check = async () => {
    const entry = input()
    const mine = ++asked
    if (!entry) {
      preview.textContent = ''
      showWarnings([])
      return
    }
    preview.textContent = t('values.checking')
    try {
      // The check writes nothing and needs no source yet: one is shown until the steward types theirs.
      const { checkIndicatorValue: c } = await mutate(CheckIndicatorValueDocument, { input: { ...entry, source: entry.source || '—', note: entry.note } })
      if (mine !== asked) return
      preview.textContent = tf('values.storedAs', { value: plain(c.baseValue), unit: c.baseUnit })
      errors.value.textContent = ''
      value.removeAttribute('aria-invalid')
      showWarnings(c.warnings)
    } catch (e) {
      if (mine !== asked) return
      preview.textContent = ''
      if (e instanceof ApiError) showError(fieldOfError(e), e.message, false)
    }
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void check(), 300)
  }
  unit.addEventListener('change', () => {
    unitText.textContent = unit.value
    valueLabel.textContent = tf('values.value', { unit: unit.value })
    schedule()
  })
  for (const el of [value, region, year, status]) el.addEventListener(el === value ? 'input' : 'change', schedule)

  const onSubmit = async (event: Event) => {
    event.preventDefault()
    clearErrors()
    const entry = input()
    if (!entry) return showError('value', t('values.valueRequired'))
    if (!entry.source) return showError('source', t('values.sourceRequired'))
    if (warnings.length && !confirm.checked) return showError('confirm', t('values.confirmRequired'))
    save.disabled = true
    save.textContent = t('values.saving')
    try {
      const { enterIndicatorValue: r } = await mutate(EnterIndicatorValueDocument, { input: entry, confirm: warnings.length > 0 && confirm.checked })
      const saved = r.saved!
      const where = regions.find((x) => x.code === saved.region.code)
      const statusText = tf('indicators.statusSuffix', { status: enumLabel('ValueStatus', saved.status ?? entry.status, lang()) })
      await o.onSaved({
        region: saved.region.code,
        year: saved.year,
        value: saved.value,
        status: saved.status ?? entry.status,
        notice: tf('values.saved', {
          region: where ? regionName(where) : saved.region.code,
          year: saved.year,
          value: `${plain(entry.value)} ${entry.unit}`,
          status: statusText,
        }),
      })
    } catch (e) {
      save.disabled = false
      save.textContent = t('values.save')
      if (!(e instanceof ApiError)) throw e
      const warned = e.extensions.warnings as Warning[] | undefined
      if (warned?.length) showWarnings(warned)
      showError(fieldOfError(e), tf('values.failed', { message: e.message }))
    }
  }

  return h(
    'form',
    { class: 'value-form', id, 'aria-labelledby': `${id}-title`, novalidate: true, onsubmit: (e: Event) => void onSubmit(e) },
    h('h5', { id: `${id}-title` }, tf('values.enterAbout', { name: lang() === 'zh' ? i.nameZh : i.nameEn })),
    h('p', {}, h('label', { for: `${id}-region` }, t('values.region')), region, errors.region),
    h('p', {}, h('label', { for: `${id}-year` }, t('values.year')), year, errors.year),
    h(
      'p',
      {},
      valueLabel,
      value,
      ' ',
      units.length > 1 ? [h('label', { for: `${id}-unit`, class: 'visually-hidden' }, t('values.unit')), unit] : unitText,
      errors.value,
    ),
    preview,
    warningBox,
    h('p', {}, h('label', { for: `${id}-source` }, t('values.source')), source, errors.source),
    h('p', {}, h('label', { for: `${id}-status` }, t('values.status')), status, errors.status),
    h('p', {}, h('label', { for: `${id}-note` }, t('values.note')), note, errors.note),
    errors.form,
    h('p', { class: 'actions' }, save, ' ', h('button', { type: 'button', onclick: () => o.onCancel() }, t('values.cancel'))),
  )
}

/** A number without grouping or exponent, as it is stored (60000000, not 6e7 or 60,000,000). */
function plain(n: number): string {
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 })
}
