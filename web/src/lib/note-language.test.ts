import { describe, expect, it } from 'vitest'
import { inLanguage, pickNote, splitBilingual } from './note-language.ts'

describe('pickNote', () => {
  it('shows the note in the chosen language when it is written', () => {
    expect(pickNote('English', '中文', 'zh')).toEqual({ text: '中文', lang: 'zh', fallback: false })
    expect(pickNote('English', '中文', 'en')).toEqual({ text: 'English', lang: 'en', fallback: false })
  })

  it('falls back to the other language, saying so, where the chosen one is missing or blank', () => {
    expect(pickNote('English only', null, 'zh')).toEqual({ text: 'English only', lang: 'en', fallback: true })
    expect(pickNote('  ', '只有中文', 'en')).toEqual({ text: '只有中文', lang: 'zh', fallback: true })
  })

  it('is null when neither language is written', () => {
    expect(pickNote(null, undefined, 'zh')).toBeNull()
  })
})

describe('splitBilingual', () => {
  it('splits "中文 · English" at the first " · "', () => {
    expect(splitBilingual('区域代码 · Region code. CSV 中……）· In CSV')).toEqual({ zh: '区域代码', en: 'Region code. CSV 中……）· In CSV' })
    expect(inLanguage('中文 · English', 'en')).toBe('English')
  })

  it('gives a text without the separator as both halves', () => {
    expect(splitBilingual('CC-BY-4.0')).toEqual({ zh: 'CC-BY-4.0', en: 'CC-BY-4.0' })
  })
})
