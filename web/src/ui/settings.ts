/** The settings dialog: which basemap to draw under the map (none by default, offline). */
import { t, type StringKey } from '../lib/i18n.ts'
import type { BasemapOption } from '../map/basemap.ts'
import { h } from './dom.ts'

/** The basemaps /config.json offers, the one chosen (null: none) and what to do on a choice. */
export interface SettingsProps {
  options: BasemapOption[]
  chosen: string | null
  onChoose(id: string | null): void
}

/** Fills the settings dialog (opened with `showModal()` from the header). */
export function renderSettings(dialog: HTMLDialogElement, props: SettingsProps): void {
  const radio = (id: string | null, label: string) =>
    h(
      'label',
      { class: 'radio' },
      h('input', { type: 'radio', name: 'basemap', value: id ?? '', checked: props.chosen === id, onchange: () => props.onChoose(id) }),
      ' ',
      label,
    )
  dialog.replaceChildren(
    h(
      'form',
      { method: 'dialog' },
      h('h2', {}, t('settings')),
      h(
        'fieldset',
        {},
        h('legend', {}, t('basemap')),
        radio(null, t('basemapNone')),
        props.options.map((o) => radio(o.id, t(`basemap.${o.id}` as StringKey))),
      ),
      h('p', { class: 'note' }, props.options.length ? t('basemapNote') : t('basemapNoneConfigured')),
      h('button', { type: 'submit', value: 'close' }, t('close')),
    ),
  )
}
