/** Which language of a record's source to show. Pure: no DOM. */
import type { Lang } from '../api/types.ts'
import { pickNote } from './note-language.ts'

/**
 * The source to show in `lang`: in Chinese its Chinese version (`sourceZh`) where there is one, else
 * `source` as written (a source already in Chinese has no Chinese version, so no language mark);
 * in English `source`, whose locators and remarks are English. Empty when neither is written.
 */
export function sourceIn(source: string | null | undefined, sourceZh: string | null | undefined, lang: Lang): string {
  return pickNote(source, sourceZh, lang)?.text ?? ''
}
