/** Which language of a bilingual data note (or description) to show. Pure: no DOM. */
import type { Lang } from '../api/types.ts'

/** A note to show: its text, the language it is in, and whether that is the other language (the chosen one has none). */
export interface ShownNote {
  text: string
  lang: Lang
  fallback: boolean
}

/**
 * The note in `lang`, or the other language's when `lang` has none (then `fallback` is true);
 * null when neither is written. `en` is the data's `note` (English), `zh` its `noteZh`.
 */
export function pickNote(en: string | null | undefined, zh: string | null | undefined, lang: Lang): ShownNote | null {
  const wanted = (lang === 'zh' ? zh : en)?.trim()
  if (wanted) return { text: wanted, lang, fallback: false }
  const other = (lang === 'zh' ? en : zh)?.trim()
  return other ? { text: other, lang: lang === 'zh' ? 'en' : 'zh', fallback: true } : null
}

/**
 * The two halves of a bilingual text written "中文 · English" (the data package's titles and
 * descriptions): `{ zh, en }`, split at the first " · "; a text without one is both.
 */
export function splitBilingual(text: string): { zh: string; en: string } {
  const at = text.indexOf(' · ')
  return at < 0 ? { zh: text, en: text } : { zh: text.slice(0, at).trim(), en: text.slice(at + 3).trim() }
}

/** The half of a "中文 · English" text in `lang`. */
export const inLanguage = (text: string, lang: Lang): string => splitBilingual(text)[lang]
