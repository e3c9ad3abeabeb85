/** The words around the data's own notes (shown in the chosen language, or the other one marked), in Chinese (first) and English. */

export const NOTE_STRINGS = {
  /** After a note shown in the other language because the chosen one has none. */
  'notes.inEnglish': { zh: '（英文）', en: ' (English)' },
  'notes.inChinese': { zh: '（中文）', en: ' (Chinese)' },
  'notes.note': { zh: '说明', en: 'Note' },
} as const
