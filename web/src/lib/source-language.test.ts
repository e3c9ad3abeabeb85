import { describe, expect, it } from 'vitest'
import { sourceIn } from './source-language.ts'

describe('sourceIn', () => {
  it('shows the Chinese version in Chinese and the source as written in English', () => {
    expect(sourceIn('附件2 row 8 (2024年)', '附件2第8行（2024年）', 'zh')).toBe('附件2第8行（2024年）')
    expect(sourceIn('附件2 row 8 (2024年)', '附件2第8行（2024年）', 'en')).toBe('附件2 row 8 (2024年)')
  })

  it('shows a source without a Chinese version as written in either language', () => {
    expect(sourceIn('四、重点工作（二）4', null, 'zh')).toBe('四、重点工作（二）4')
    expect(sourceIn('四、重点工作（二）4', null, 'en')).toBe('四、重点工作（二）4')
  })

  it('is empty when there is no source', () => {
    expect(sourceIn(null, null, 'zh')).toBe('')
  })
})
