/** A data note as shown on a page: in the chosen language, or in the other one with a visible tag saying which. */
import { addStrings, lang, t } from '../lib/i18n.ts'
import { pickNote } from '../lib/note-language.ts'
import { h } from './dom.ts'
import { NOTE_STRINGS } from '../lib/locale/notes.ts'

addStrings(NOTE_STRINGS)

/**
 * A `<span>` holding the note (`en` = the data's `note`, `zh` = its `noteZh`) in the page's language, with
 * `lang` set; where only the other language is written, that one followed by "（英文）" / " (Chinese)".
 * Null when neither is written. `data-note-lang` says which language is shown (for tests and styles).
 */
export function dataNote(en: string | null | undefined, zh: string | null | undefined, className = 'note'): HTMLSpanElement | null {
  const shown = pickNote(en, zh, lang())
  if (!shown) return null
  return h(
    'span',
    { class: className, lang: shown.lang === 'zh' ? 'zh-CN' : 'en', 'data-note-lang': shown.lang },
    shown.text,
    shown.fallback ? h('span', { class: 'note-lang-tag' }, t(shown.lang === 'en' ? 'notes.inEnglish' : 'notes.inChinese')) : null,
  )
}
