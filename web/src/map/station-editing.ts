/**
 * Station editing on the map, for a signed-in editor (loaded by views/map-page.ts only then): an
 * "添加站点" control (the next map click places a draggable draft marker, the form opens in the side
 * panel; coordinates may be typed instead), and in a station's popup 编辑 / 移动位置 (drag, then
 * 保存新位置) / 删除 (with a reason). A township editor gets these only for their towns; the server
 * refuses the rest anyway (FORBIDDEN), and its message is shown. Every save reloads the map's data.
 */
import { Marker, type IControl, type Map as MapLibreMap } from 'maplibre-gl'
import { ApiError, mutate } from '../api/client.ts'
import { DeleteServicePointDocument, UpsertServicePointDocument, type ServicePointInput } from '../api/generated-stations.ts'
import { nameIn } from '../api/operations.ts'
import type { SessionUser } from '../api/session.ts'
import type { LocationQuality, RegionCollection, ServicePointItem } from '../api/types.ts'
import { addStrings, lang, locationQualityName, t, tf } from '../lib/i18n.ts'
import { fill, h } from '../ui/dom.ts'
import { setPointActions } from '../ui/popup.ts'
import { stationForm, type FormError, type StationForm } from '../ui/station-form.ts'
import { interceptMapClicks } from '../views/map-events.ts'
import { regionAt } from './region-at.ts'
import { STATION_STRINGS } from '../lib/locale/stations.ts'

addStrings(STATION_STRINGS)
import './station-editing.css'

/** What editing needs from the map page. */
export interface EditingDeps {
  map: MapLibreMap
  /** The side panel: hidden while the editor shows in its place. */
  panel: HTMLElement
  user: SessionUser
  /** The county's township-level units (for "is this place in one of my towns?"). */
  regions(): RegionCollection | undefined
  /** Loads the map's data again (after a save) and draws it. */
  reload(): Promise<void>
  showPoint(id: string): void
  closePopup(): void
}

/** Started editing: `stop` removes its control, markers and hooks (on sign-out). */
export interface StationEditing {
  stop(): void
}

type Mode = { kind: 'idle' } | { kind: 'new'; form: StationForm; marker?: Marker } | { kind: 'edit' } | { kind: 'move'; marker: Marker }

/** Starts station editing on the map for a signed-in user. */
export function startStationEditing(deps: EditingDeps): StationEditing {
  const { map, user } = deps
  let mode: Mode = { kind: 'idle' }
  const editor = h('aside', { id: 'station-editor', class: 'panel station-editor', hidden: true, 'aria-labelledby': 'station-editor-title' })
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close()
  })
  deps.panel.after(editor)
  const status = h('p', { class: 'station-status', role: 'status', 'aria-live': 'polite' })
  map.getContainer().after(status)

  const button = h('button', { type: 'button', class: 'station-add', 'aria-pressed': 'false', onclick: () => startNew() })
  const control: IControl = {
    onAdd: () => h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group station-add-control' }, button),
    onRemove: () => button.parentElement?.remove(),
  }
  map.addControl(control, 'top-right')
  const relabel = () => (button.textContent = `+ ${t('stations.add')}`)
  relabel()
  const observer = new MutationObserver(relabel)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] })

  /** Whether the user may edit records of a region (a township editor: their towns only; null region: the whole county). */
  const mayEdit = (code: string | null | undefined) =>
    user.regions.length === 0 || (!!code && user.regions.some((scope) => scope === code || (scope.length === 6 && code.startsWith(scope))))

  /** Why a place is not the user's to edit, or null when it is. */
  function refusal(lng: number, lat: number): string | null {
    const region = regionAt(deps.regions()?.features ?? [], lng, lat)
    if (!region && user.regions.length) return t('stations.outsideTowns')
    if (mayEdit(region?.code)) return null
    const names = (deps.regions()?.features ?? []).filter((f) => user.regions.includes(f.properties.code)).map((f) => nameIn(f.properties, lang()))
    return tf('stations.onlyYourTowns', { towns: names.join(lang() === 'zh' ? '\u3001' : ', ') || user.regions.join(', ') })
  }

  function open(...content: HTMLElement[]): void {
    deps.closePopup()
    // The last action's message is about that action: a new form starts without it.
    status.textContent = ''
    fill(editor, ...content)
    deps.panel.hidden = true
    editor.hidden = false
    document.getElementById('station-editor-title')?.focus()
  }

  function close(): void {
    if (mode.kind === 'new') mode.marker?.remove()
    if (mode.kind === 'move') mode.marker.remove()
    mode = { kind: 'idle' }
    button.setAttribute('aria-pressed', 'false')
    editor.hidden = true
    fill(editor)
    deps.panel.hidden = false
  }

  async function saved(id: string, message: string): Promise<void> {
    close()
    await deps.reload()
    if (id) deps.showPoint(id)
    status.textContent = message
  }

  /** The server's refusal as form errors: BAD_USER_INPUT per field (extensions.argument / problems), anything else for the form. */
  function errorsOf(error: unknown): FormError[] {
    if (!(error instanceof ApiError)) return [{ message: tf('stations.refused', { message: (error as Error).message }) }]
    if (error.code !== 'BAD_USER_INPUT') return [{ message: tf('stations.refused', { message: error.message }) }]
    const problems = (error.extensions.problems as { argument: string; message: string }[] | undefined) ?? [
      { argument: typeof error.extensions.argument === 'string' ? error.extensions.argument : '', message: error.message },
    ]
    return problems.map((p) => {
      const name = p.argument.replace(/^input\./, '')
      return { field: name === 'lng' || name === 'lat' ? 'place' : name, message: p.message.replace(/^Argument "[^"]*": /, '') }
    })
  }

  async function upsert(input: ServicePointInput, form?: StationForm): Promise<boolean> {
    try {
      await mutate(UpsertServicePointDocument, { input })
      return true
    } catch (error) {
      if (form) form.showErrors(errorsOf(error))
      else status.textContent = errorsOf(error)[0].message
      return false
    }
  }

  function startNew(): void {
    if (mode.kind === 'new') return
    close()
    const form: StationForm = stationForm({
      onCancel: close,
      onPlace: (lng, lat) => place(lng, lat, false),
      onSubmit: async (input) => {
        const at = current.marker?.getLngLat()
        const region = at ? regionAt(deps.regions()?.features ?? [], at.lng, at.lat)?.code : undefined
        const id = `station-${region ?? 'x'}-${Date.now().toString(36)}`
        if (await upsert({ ...input, id }, form)) await saved(id, tf('stations.saved', { name: input.nameZh ?? '' }))
      },
    })
    const current: Extract<Mode, { kind: 'new' }> = { kind: 'new', form }
    mode = current
    button.setAttribute('aria-pressed', 'true')
    open(h('p', { class: 'hint' }, t('stations.addHint')), form.element)
  }

  /** Places (or moves) the draft marker of a new station; a place outside the user's towns is refused with a message. */
  function place(lng: number, lat: number, fromMap: boolean): void {
    if (mode.kind !== 'new') return
    const current = mode
    const why = refusal(lng, lat)
    if (why) return current.form.showErrors([{ field: 'place', message: why }])
    if (!current.marker) {
      current.marker = new Marker({ draggable: true, color: '#d7301f', className: 'station-draft' }).setLngLat([lng, lat]).addTo(map)
      current.marker.getElement().setAttribute('aria-label', t('stations.newTitle'))
      let last = current.marker.getLngLat()
      current.marker.on('dragend', () => {
        const at = current.marker!.getLngLat()
        const refused = refusal(at.lng, at.lat)
        if (refused) {
          current.marker!.setLngLat(last)
          return current.form.showErrors([{ field: 'place', message: refused }])
        }
        last = at
        current.form.setPlace(at.lng, at.lat)
      })
    } else current.marker.setLngLat([lng, lat])
    if (fromMap) current.form.setPlace(lng, lat)
    current.form.showErrors([])
  }

  function startEdit(p: ServicePointItem): void {
    close()
    mode = { kind: 'edit' }
    const form: StationForm = stationForm({
      station: p,
      onCancel: close,
      onSubmit: async (input) => {
        if (await upsert({ ...input, id: p.id }, form)) await saved(p.id, tf('stations.saved', { name: input.nameZh ?? p.nameZh }))
      },
    })
    open(form.element)
  }

  function startMove(p: ServicePointItem): void {
    if (!p.location) return
    close()
    const marker = new Marker({ draggable: true, color: '#d7301f', className: 'station-moving' }).setLngLat(p.location).addTo(map)
    marker.getElement().setAttribute('aria-label', tf('stations.editTitle', { name: nameIn(p, lang()) }))
    mode = { kind: 'move', marker }
    const quality = h(
      'select',
      { id: 'station-move-quality' },
      (['SURVEYED', 'GEOCODED', 'APPROXIMATE'] as LocationQuality[]).map((q) => h('option', { value: q }, locationQualityName(q))),
    )
    const message = h('p', { class: 'form-error', role: 'alert' })
    const save = h('button', { type: 'button', class: 'primary', disabled: true }, t('stations.saveMove'))
    let last = marker.getLngLat()
    marker.on('dragend', () => {
      const at = marker.getLngLat()
      const refused = refusal(at.lng, at.lat)
      message.textContent = refused ?? ''
      if (refused) return void marker.setLngLat(last)
      last = at
      save.disabled = false
      save.focus()
    })
    save.addEventListener('click', () => {
      const at = marker.getLngLat()
      save.disabled = true
      void upsert({ id: p.id, lng: at.lng, lat: at.lat, crs: 'WGS84', locationQuality: quality.value as LocationQuality }).then(async (ok) => {
        if (ok) return saved(p.id, tf('stations.moved', { name: nameIn(p, lang()) }))
        message.textContent = status.textContent
        status.textContent = ''
        save.disabled = false
      })
    })
    open(
      h('h2', { id: 'station-editor-title', tabindex: '-1' }, tf('stations.moveTitle', { name: nameIn(p, lang()) })),
      h('p', { class: 'hint' }, t('stations.moveHint')),
      h('p', { class: 'field' }, h('label', { for: quality.id }, t('stations.moveQuality')), quality),
      message,
      h('p', { class: 'actions' }, save, ' ', h('button', { type: 'button', onclick: close }, t('stations.cancel'))),
    )
  }

  function startDelete(p: ServicePointItem): void {
    const reason = h('textarea', { id: 'station-delete-reason', rows: 3, maxlength: 500, 'aria-describedby': 'station-delete-error', 'aria-required': 'true' })
    const error = h('p', { id: 'station-delete-error', class: 'form-error', role: 'alert' })
    const dialog = h('dialog', { class: 'station-delete', 'aria-labelledby': 'station-delete-title' })
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'station-delete-title' }, tf('stations.deleteTitle', { name: nameIn(p, lang()) })),
      h('p', { class: 'field' }, h('label', { for: reason.id }, t('stations.deleteReason')), reason),
      error,
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'danger' }, t('stations.confirmDelete')),
        ' ',
        h('button', { type: 'button', onclick: () => dialog.close() }, t('stations.cancel')),
      ),
    )
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      if (!reason.value.trim()) {
        error.textContent = t('stations.fieldRequired')
        reason.setAttribute('aria-invalid', 'true')
        return reason.focus()
      }
      mutate(DeleteServicePointDocument, { id: p.id, reason: reason.value.trim() }).then(
        () => (dialog.close(), saved('', tf('stations.deleted', { name: nameIn(p, lang()) }))),
        (err: Error) => ((error.textContent = tf('stations.refused', { message: err.message })), reason.focus()),
      )
    })
    dialog.addEventListener('close', () => dialog.remove())
    dialog.append(form)
    deps.closePopup()
    document.body.append(dialog)
    dialog.showModal()
    reason.focus()
  }

  setPointActions((p) =>
    mayEdit(p.regionCode)
      ? h(
          'p',
          { class: 'station-actions', role: 'group', 'aria-label': t('stations.actions') },
          h('button', { type: 'button', onclick: () => startEdit(p) }, t('stations.edit')),
          p.location ? h('button', { type: 'button', onclick: () => startMove(p) }, t('stations.move')) : null,
          h('button', { type: 'button', class: 'danger', onclick: () => startDelete(p) }, t('stations.delete')),
        )
      : null,
  )
  interceptMapClicks((lngLat) => {
    if (mode.kind === 'new') place(lngLat.lng, lngLat.lat, true)
    else if (mode.kind === 'move') mode.marker.setLngLat(lngLat).fire('dragend')
    return mode.kind === 'new' || mode.kind === 'move'
  })

  return {
    stop() {
      close()
      setPointActions(null)
      interceptMapClicks(null)
      observer.disconnect()
      map.removeControl(control)
      editor.remove()
      status.remove()
    },
  }
}
