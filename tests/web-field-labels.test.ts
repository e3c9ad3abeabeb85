import { describe, expect, it } from 'vitest'
import { isReadOnly, RESOURCES } from '../db/records/resources.ts'
import { GEOMETRY_KEY } from '../db/records/geometry.ts'
import { fieldName, valueWords } from '../web/src/leaders/audit-diff.ts'
import { ENUM_LABELS } from '../web/src/lib/enum-labels.ts'
import { FIELD_ENUMS, FIELD_LABELS } from '../web/src/lib/locale/fields.ts'

/** Every field the audit log records, by table: each resource's stored fields (its quality field and geometry for an area), and the feedback entries'. */
function auditedFields(): Map<string, Set<string>> {
  const byTable = new Map<string, Set<string>>()
  const add = (entity: string, field: string) => byTable.set(entity, (byTable.get(entity) ?? new Set()).add(field))
  for (const r of RESOURCES) {
    for (const f of r.fields) if (!isReadOnly(r, f.name)) add(r.entity, f.name)
    if (r.spatial?.kind === 'area') {
      add(r.entity, r.spatial.qualityField)
      add(r.entity, GEOMETRY_KEY)
    }
  }
  for (const f of ['status', 'answers']) add('feedback', f)
  for (const f of ['resource', 'file', 'inserted', 'updated', 'unchanged']) add('dataset', f)
  return byTable
}

describe('field labels of the history', () => {
  it('name every audited field of every table in Chinese and in English', () => {
    const missing: string[] = []
    for (const [entity, fields] of auditedFields()) {
      for (const field of fields) {
        const label = FIELD_LABELS[entity]?.[field]
        if (!label?.zh.trim()) missing.push(`${entity}.${field} has no Chinese label (web/src/lib/locale/fields.ts)`)
        if (!label?.en.trim()) missing.push(`${entity}.${field} has no English label (web/src/lib/locale/fields.ts)`)
      }
    }
    expect(missing).toEqual([])
  })

  it('give every enum field of the resources its enum, whose values are labelled', () => {
    const missing: string[] = []
    for (const r of RESOURCES) {
      for (const f of r.fields) {
        if (!f.constraints?.enum || isReadOnly(r, f.name)) continue
        const e = FIELD_ENUMS[r.entity]?.[f.name]
        // A seat's status (F/E) is a code of the source, not an API enum.
        if (r.name === 'seats' && f.name === 'status') continue
        if (!e) {
          missing.push(`${r.entity}.${f.name} holds ${f.constraints.enum.join('/')} but FIELD_ENUMS names no enum for it`)
          continue
        }
        for (const v of f.constraints.enum) if (!(ENUM_LABELS[e] as Record<string, unknown>)[String(v)]) missing.push(`${e}.${String(v)} has no label`)
      }
    }
    expect(missing).toEqual([])
  })

  it('write fields and enum values in words, in both languages', () => {
    const positions = (n: number) => `${n}`
    expect(
      `${fieldName('service_point', 'location_quality', 'zh')}：${valueWords('service_point', 'location_quality', 'APPROXIMATE', 'zh', '', positions)}`,
    ).toBe('位置精度：近似位置：置于乡镇驻地，实际位置在乡镇内别处')
    expect(fieldName('service_point', 'location_quality', 'en')).toBe('Location quality')
    expect(valueWords('region', 'boundary_quality', 'APPROXIMATE', 'en', '', positions)).toBe('approximate')
    expect(valueWords('indicator_value', 'kind', 'ACTUAL', 'zh', '', positions)).toBe('实际值')
    expect(valueWords('region', 'in_county_statistics', false, 'en', '', positions)).toBe('no')
    expect(fieldName('somewhere', 'odd_field', 'en')).toBe('odd_field')
  })
})
