/**
 * The station form of the side panel (station editing, web/src/map/station-editing.ts): 中文名称 (required),
 * English name (optional), kind, status with the opening date, address, services, opening hours, contact,
 * location quality, source (required) and the note in Chinese and in English; for a new station its place, clicked on the map or typed
 * in WGS84, GCJ-02 or BD-09 (previewed as WGS84 with gcoord, the server converts the same way). Errors
 * show beside their field (the server's `extensions.argument` names it) and the focus moves to the first.
 */
import gcoordModule from 'gcoord'
import type { LocationQuality, ServicePointKind, ServicePointStatus } from '../api/types.ts'
import type { ServicePointItem } from '../api/types.ts'
import type { ServicePointInput } from '../api/generated-stations.ts'
import { ENUM_LABELS } from '../lib/enum-labels.ts'
import { addStrings, kindName, locationQualityName, statusName, t, tf, type StringKey } from '../lib/i18n.ts'
import { h } from './dom.ts'
import { STATION_STRINGS } from '../lib/locale/stations.ts'

addStrings(STATION_STRINGS)

// gcoord's typings declare an ES default export; its builds differ in whether there is one (see db/records/crs.ts).
type Gcoord = (typeof gcoordModule)['default']
const gcoord = ((gcoordModule as unknown as { default?: Gcoord }).default ?? gcoordModule) as Gcoord

/** Coordinate systems a place may be typed in (the API's CoordinateSystem). */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09'
const CRS_LIST: Crs[] = ['WGS84', 'GCJ02', 'BD09']

/** A [lng, lat] in `crs` as WGS84, rounded to 6 decimals as the server stores it. */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  const [x, y] = crs === 'WGS84' ? [lng, lat] : gcoord.transform<[number, number]>([lng, lat], gcoord[crs], gcoord.WGS84)
  return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]
}

/** The input fields the form shows, by the name the API gives them (`input.<name>` in an error's argument). */
type FieldName =
  'nameZh' | 'nameEn' | 'kind' | 'status' | 'openedOn' | 'address' | 'services' | 'openingHours' | 'contact' | 'locationQuality' | 'source' | 'noteZh' | 'note'
const LABELS: Record<FieldName, StringKey> = {
  nameZh: 'stations.nameZh',
  nameEn: 'stations.nameEn',
  kind: 'stations.kind',
  status: 'stations.status',
  openedOn: 'stations.openedOn',
  address: 'stations.address',
  services: 'stations.services',
  openingHours: 'stations.openingHours',
  contact: 'stations.contact',
  locationQuality: 'stations.locationQuality',
  source: 'stations.source',
  noteZh: 'stations.noteZh',
  note: 'stations.note',
}
const REQUIRED: FieldName[] = ['nameZh', 'source']
/** Lengths the server allows (db/records/limits.ts). */
const MAX: Partial<Record<FieldName, number>> = {
  nameZh: 200,
  nameEn: 200,
  address: 300,
  openingHours: 200,
  contact: 200,
  source: 1000,
  noteZh: 2000,
  note: 2000,
}

/** A field's problem, or the form's (field undefined). */
export interface FormError {
  field?: string
  message: string
}

export interface StationFormOptions {
  /** The station to edit; undefined for a new one. */
  station?: ServicePointItem
  /** Fields for the API (`id`, `county` and, for a new station, the place are added by the caller). */
  onSubmit(input: Omit<ServicePointInput, 'id'>): Promise<void>
  onCancel(): void
  /** A typed place (WGS84 after conversion) to show on the map. */
  onPlace?(lng: number, lat: number): void
}

/** The form, and what the editing module tells it. */
export interface StationForm {
  element: HTMLFormElement
  /** A place chosen on the map (WGS84): the coordinates show in the form. */
  setPlace(lng: number, lat: number): void
  /** Shows errors beside their fields (the form's own at the top) and focuses the first. */
  showErrors(errors: FormError[]): void
}

const options = <T extends string>(values: T[], name: (v: T) => string, selected: string | null | undefined) =>
  values.map((v) => h('option', { value: v, selected: v === selected }, name(v)))

/** Builds the station form (new when `options.station` is undefined). */
export function stationForm(opts: StationFormOptions): StationForm {
  const s = opts.station
  const isNew = !s
  const id = (name: string) => `station-${name}`
  const errorEls = new Map<string, HTMLElement>()
  const controls = new Map<FieldName, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>()

  function field(name: FieldName, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
    control.id = id(name)
    control.name = name
    const max = MAX[name]
    if (max && !(control instanceof HTMLSelectElement)) control.maxLength = max
    const required = REQUIRED.includes(name)
    if (required) control.setAttribute('aria-required', 'true')
    const error = h('span', { id: id(`${name}-error`), class: 'field-error', role: 'alert' })
    control.setAttribute('aria-describedby', error.id)
    errorEls.set(name, error)
    controls.set(name, control)
    return h(
      'p',
      { class: 'field' },
      h('label', { for: control.id }, t(LABELS[name]), required ? h('span', { class: 'required' }, t('stations.required')) : null),
      control,
      error,
    )
  }
  const text = (value: string | null | undefined) => h('input', { type: 'text', value: value ?? '' })
  const area = (value: string | null | undefined, rows = 2) => {
    const el = h('textarea', { rows })
    el.value = value ?? ''
    return el
  }

  const kinds = Object.keys(ENUM_LABELS.ServicePointKind) as ServicePointKind[]
  const qualities: LocationQuality[] = s && !s.location ? ['UNKNOWN'] : ['SURVEYED', 'GEOCODED', 'APPROXIMATE']
  const formError = h('p', { id: id('form-error'), class: 'form-error', role: 'alert', tabindex: '-1' })
  const place = isNew ? placeFields() : null
  const submit = h('button', { type: 'submit', class: 'primary' }, t('stations.save'))
  const element = h(
    'form',
    { class: 'station-form', novalidate: true, 'aria-labelledby': 'station-editor-title' },
    h('h2', { id: 'station-editor-title', tabindex: '-1' }, s ? tf('stations.editTitle', { name: s.nameZh }) : t('stations.newTitle')),
    formError,
    place?.element ?? null,
    field('nameZh', text(s?.nameZh)),
    field('nameEn', text(s?.hasEnglishName === false ? '' : s?.nameEn)),
    field('kind', h('select', {}, options(kinds, kindName, s?.kind ?? 'IP_SERVICE_STATION'))),
    field('status', h('select', {}, options<ServicePointStatus>(['PLANNED', 'ACTIVE'], statusName, s?.status ?? 'PLANNED'))),
    field('openedOn', h('input', { type: 'date', value: s?.openedOn ?? '' })),
    field('address', text(s?.address)),
    field('services', area(s?.services.join('\n'), 3)),
    field('openingHours', text(s?.openingHours)),
    field('contact', text(s?.contact)),
    field('locationQuality', h('select', {}, options(qualities, locationQualityName, s?.locationQuality ?? 'SURVEYED'))),
    field('source', area(s?.source)),
    field('noteZh', area(s?.noteZh)),
    field('note', area(s?.note)),
    h('p', { class: 'actions' }, submit, ' ', h('button', { type: 'button', onclick: () => opts.onCancel() }, t('stations.cancel'))),
  )

  /** The place of a new station: longitude and latitude in a chosen system, or pasted as "lng,lat". */
  function placeFields() {
    const lng = h('input', { id: id('lng'), type: 'text', inputmode: 'decimal', 'aria-describedby': id('place-error') })
    const lat = h('input', { id: id('lat'), type: 'text', inputmode: 'decimal', 'aria-describedby': id('place-error') })
    const crs = h(
      'select',
      { id: id('crs') },
      CRS_LIST.map((c) => h('option', { value: c }, t(`stations.crs.${c}`))),
    )
    const preview = h('p', { id: id('converted'), class: 'hint', 'aria-live': 'polite' })
    const error = h('span', { id: id('place-error'), class: 'field-error', role: 'alert' })
    errorEls.set('place', error)
    const read = (): [number, number] | null => {
      const x = Number(lng.value.trim())
      const y = Number(lat.value.trim())
      return lng.value.trim() && lat.value.trim() && Math.abs(x) <= 180 && Math.abs(y) <= 90 ? [x, y] : null
    }
    const show = () => {
      const at = read()
      error.textContent = at ? '' : t('stations.badCoordinates')
      if (!at) return void lng.focus()
      const [x, y] = toWgs84(at[0], at[1], crs.value as Crs)
      preview.textContent = tf('stations.converted', { lng: x.toFixed(6), lat: y.toFixed(6) })
      opts.onPlace?.(x, y)
    }
    // "113.74, 34.40" pasted into the longitude goes into both fields.
    lng.addEventListener('paste', (e) => {
      const m = /^\s*(-?[0-9.]+)\s*[,\uff0c\s]\s*(-?[0-9.]+)\s*$/.exec(e.clipboardData?.getData('text') ?? '')
      if (!m) return
      e.preventDefault()
      lng.value = m[1]
      lat.value = m[2]
      show()
    })
    const element = h(
      'fieldset',
      { class: 'place' },
      h('legend', {}, t('stations.location')),
      h('p', { class: 'hint' }, t('stations.dragHint')),
      h('p', { class: 'field' }, h('label', { for: crs.id }, t('stations.crs')), crs),
      h('p', { class: 'field coordinates' }, h('label', { for: lng.id }, t('stations.lng')), lng, h('label', { for: lat.id }, t('stations.lat')), lat),
      h('p', {}, h('button', { type: 'button', onclick: show }, t('stations.showPoint'))),
      preview,
      error,
    )
    return {
      element,
      read,
      crs: () => crs.value as Crs,
      set(x: number, y: number) {
        lng.value = x.toFixed(6)
        lat.value = y.toFixed(6)
        crs.value = 'WGS84'
        error.textContent = ''
        preview.textContent = tf('stations.converted', { lng: lng.value, lat: lat.value })
      },
      focus: () => lng.focus(),
    }
  }

  function showErrors(errors: FormError[]): void {
    for (const el of errorEls.values()) el.textContent = ''
    for (const c of controls.values()) c.removeAttribute('aria-invalid')
    formError.textContent = ''
    let first: HTMLElement | undefined
    for (const e of errors) {
      const target = e.field && errorEls.has(e.field) ? e.field : undefined
      if (target) {
        errorEls.get(target)!.textContent = e.message
        const control = controls.get(target as FieldName)
        control?.setAttribute('aria-invalid', 'true')
        first ??= control ?? document.getElementById(id('lng'))!
      } else {
        formError.textContent = formError.textContent ? `${formError.textContent} ${e.message}` : e.message
        first ??= formError
      }
    }
    if (errors.some((e) => e.field) && !formError.textContent) formError.textContent = t('stations.fixErrors')
    first?.focus()
  }

  const value = (name: FieldName) => controls.get(name)!.value.trim()
  const orNull = (name: FieldName) => value(name) || null

  element.addEventListener('submit', (event) => {
    event.preventDefault()
    const errors: FormError[] = REQUIRED.filter((name) => !value(name)).map((name) => ({ field: name, message: t('stations.fieldRequired') }))
    const at = place?.read()
    if (place && !at) errors.unshift({ field: 'place', message: t('stations.noLocation') })
    if (errors.length) return showErrors(errors)
    const input: Omit<ServicePointInput, 'id'> = {
      nameZh: value('nameZh'),
      nameEn: orNull('nameEn'),
      kind: value('kind') as ServicePointKind,
      status: value('status') as ServicePointStatus,
      openedOn: orNull('openedOn'),
      address: orNull('address'),
      services: value('services')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      openingHours: orNull('openingHours'),
      contact: orNull('contact'),
      locationQuality: value('locationQuality') as LocationQuality,
      source: value('source'),
      noteZh: orNull('noteZh'),
      note: orNull('note'),
      ...(place && at ? { lng: at[0], lat: at[1], crs: place.crs() } : {}),
    }
    submit.disabled = true
    submit.textContent = t('stations.saving')
    void opts.onSubmit(input).finally(() => {
      submit.disabled = false
      submit.textContent = t('stations.save')
    })
  })

  return { element, setPlace: (lng, lat) => place?.set(lng, lat), showErrors }
}
