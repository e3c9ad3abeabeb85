import { describe, expect, it } from 'vitest'
import { acceptedUnits, findUnit, formatInDisplayUnit, scaleValue } from './units.ts'

const pledge = { unit: '元', displayUnit: '亿元', displayFactor: 1e8 }
const patents = { unit: '件', displayUnit: '件', displayFactor: 1 }
const rate = { unit: '%', displayUnit: '%', displayFactor: 1 }

describe('units a value may be entered in', () => {
  it('are the display unit, the base unit and its 万 and (for money) 亿 forms', () => {
    expect(acceptedUnits(pledge).map((u) => u.unit)).toEqual(['亿元', '元', '万元'])
    expect(acceptedUnits(patents).map((u) => u.unit)).toEqual(['件', '万件'])
    expect(acceptedUnits({ unit: '元', displayUnit: '万元', displayFactor: 1e4 }).map((u) => u.unit)).toEqual(['万元', '元', '亿元'])
  })

  it('leave a percentage as it is', () => {
    expect(acceptedUnits(rate)).toEqual([{ unit: '%', factor: 1 }])
  })

  it('do not include a unit of another kind', () => {
    expect(findUnit(pledge, '件')).toBeUndefined()
    expect(findUnit(patents, '万元')).toBeUndefined()
    expect(findUnit(pledge, ' 万元 ')).toEqual({ unit: '万元', factor: 1e4 })
  })
})

describe('conversion to the base unit', () => {
  it('stores 6000 万元 as 60000000 元 and 0.575 亿元 as 57500000 without rounding noise', () => {
    expect(scaleValue(6000, findUnit(pledge, '万元')!.factor)).toBe(60000000)
    expect(scaleValue(0.575, 1e8)).toBe(57500000)
    expect(scaleValue(0.57, 1e8)).toBe(57000000)
    expect(scaleValue(1.1, 1e4)).toBe(11000)
  })

  it('keeps the base unit, negatives and small fractions exact', () => {
    expect(scaleValue(1810, 1)).toBe(1810)
    expect(scaleValue(-2.5, 1e4)).toBe(-25000)
    expect(scaleValue(9000, 1e-8)).toBe(0.00009)
  })

  it('shows a base value in the display unit with the base value beside it', () => {
    expect(formatInDisplayUnit(pledge, 57500000)).toBe('0.575亿元（57500000元）')
    expect(formatInDisplayUnit(patents, 1810)).toBe('1810件')
  })
})
