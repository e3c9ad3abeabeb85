import { describe, expect, it } from 'vitest'
import { isEvidenceUrl, reportingUnits } from './task-status-form.ts'
import { parseNumber, regionChoices, unitChoices } from './value-form.ts'
import type { PlanDepartment, PlanTask } from './api.ts'

describe('the value form', () => {
  it('offers the display unit first, then the base unit and its 万 / 亿 forms (tests/server/value-form-units.test.ts compares them with the server)', () => {
    expect(unitChoices({ unit: '元', displayUnit: '万元', displayFactor: 1e4 }).map((u) => u.unit)).toEqual(['万元', '元', '亿元'])
    expect(unitChoices({ unit: '%', displayUnit: '%', displayFactor: 1 }).map((u) => u.unit)).toEqual(['%'])
  })

  it('reads typed numbers with separators and full-width digits, and nothing else', () => {
    expect(parseNumber('6000')).toBe(6000)
    expect(parseNumber(' 60,000,000 ')).toBe(60000000)
    expect(parseNumber('０.５７５')).toBe(0.575)
    expect(parseNumber('1e3')).toBeNull()
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('12abc')).toBeNull()
  })

  it("offers a township editor only their towns, an editor the county and every town in the county's statistics", () => {
    const regions = [
      { code: '410184', nameZh: '新郑市', nameEn: 'Xinzheng', level: 'COUNTY' as const, inCountyStatistics: true },
      { code: '410184101', nameZh: '新村镇', nameEn: 'Xincun', level: 'TOWN' as const, inCountyStatistics: true },
      { code: '410184102', nameZh: '辛店镇', nameEn: 'Xindian', level: 'TOWN' as const, inCountyStatistics: true },
      { code: '410173202', nameZh: '八千乡', nameEn: 'Baqian', level: 'TOWNSHIP' as const, inCountyStatistics: false },
    ]
    const user = { username: 'u', displayName: 'u', mustChangePassword: false }
    expect(regionChoices(regions, { ...user, role: 'township-editor', regions: ['410184101'] }).map((r) => r.code)).toEqual(['410184101'])
    expect(regionChoices(regions, { ...user, role: 'editor', regions: [] }).map((r) => r.code)).toEqual(['410184', '410184101', '410184102'])
  })
})

describe('the task status form', () => {
  it('takes only whole http(s) links as evidence (or none)', () => {
    expect(isEvidenceUrl('')).toBe(true)
    expect(isEvidenceUrl('https://www.xinzheng.gov.cn/a.html')).toBe(true)
    expect(isEvidenceUrl('http://example.org')).toBe(true)
    expect(isEvidenceUrl('www.xinzheng.gov.cn')).toBe(false)
    expect(isEvidenceUrl('javascript:alert(1)')).toBe(false)
    expect(isEvidenceUrl('ftp://example.org/x')).toBe(false)
  })

  it('lets each unit report where the plan names several, and none where it names one', () => {
    const dept = (code: string) => ({ code, nameZh: code, nameEn: code }) as PlanDepartment
    const task = (codes: string[]) => ({ responsibilities: codes.map((code) => ({ asWritten: code, department: { code } })) }) as unknown as PlanTask
    expect(reportingUnits(task(['a', 'b']), [dept('a'), dept('b')]).map((d) => d.code)).toEqual(['a', 'b'])
    expect(reportingUnits(task(['a']), [dept('a')])).toEqual([])
  })
})
