import { describe, expect, it } from 'vitest'
import { ENUMS, valuesOf } from '../../../schema/enum-values.ts'
import { KIND_COLORS, KINDS } from '../map/palette.ts'
import { ENUM_LABELS, enumLabel } from './enum-labels.ts'

describe('enum labels and colours', () => {
  it('give every value of every enum the web shows a label in Chinese and in English', () => {
    const missing: string[] = []
    for (const [name, labels] of Object.entries(ENUM_LABELS)) {
      const declared = valuesOf(ENUMS[name as keyof typeof ENUMS] as Record<string, string>)
      const byValue = labels as Record<string, { zh?: string; en?: string } | undefined>
      for (const value of declared) {
        if (!byValue[value]?.zh?.trim()) missing.push(`${name}.${value} has no Chinese label (schema/enum-labels.ts)`)
        if (!byValue[value]?.en?.trim()) missing.push(`${name}.${value} has no English label (schema/enum-labels.ts)`)
      }
      for (const value of Object.keys(byValue)) {
        if (!declared.includes(value)) missing.push(`${name}.${value} is labelled but not declared (schema/enum-values.ts)`)
      }
    }
    expect(missing).toEqual([])
  })

  it('give every service point kind a colour of its own, and list each kind once in the legend', () => {
    const kinds = valuesOf(ENUMS.ServicePointKind)
    const colours = KIND_COLORS as Record<string, string | undefined>
    expect(kinds.filter((k) => !/^#[0-9A-Fa-f]{6}$/.test(colours[k] ?? '')).map((k) => `ServicePointKind.${k} has no colour (web/src/map/palette.ts)`)).toEqual(
      [],
    )
    expect(new Set(Object.values(KIND_COLORS)).size).toBe(kinds.length)
    expect([...KINDS].sort()).toEqual([...kinds].sort())
  })

  it('read a label in the language asked for', () => {
    expect(enumLabel('ServicePointKind', 'UNIVERSITY', 'zh')).toBe('高等院校')
    expect(enumLabel('Comparator', 'AT_LEAST', 'en')).toBe('at least')
  })
})
