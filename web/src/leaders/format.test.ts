import { describe, expect, it } from 'vitest'
import { average, comparatorSymbol, formatNumber, formatShare, formatTarget, formatValue, formatWan, toCsv } from './format.ts'

const yuanYi = { unit: '元', displayUnit: '亿元', displayFactor: 100000000 }
const yuanWan = { unit: '元', displayUnit: '万元', displayFactor: 10000 }
const items = { unit: '件', displayUnit: '件', displayFactor: 1 }
const events = { unit: '场次', displayUnit: '场次', displayFactor: 1 }
const percent = { unit: '%', displayUnit: '%', displayFactor: 1 }

describe('formatValue', () => {
  it('writes Chinese in the plan’s display unit and English in the base unit with separators', () => {
    expect(formatValue(57500000, yuanYi, 'zh')).toBe('0.575亿元')
    expect(formatWan(57500000, yuanYi)).toBe('5750万元')
    expect(formatValue(1000000, yuanWan, 'zh')).toBe('100万元')
    expect(formatValue(31453, items, 'zh')).toBe('31453件')
    expect(formatValue(3.29, items, 'zh')).toBe('3.29件')
    expect(formatValue(57500000, yuanYi, 'en')).toBe('57,500,000 yuan')
    expect(formatValue(31453, items, 'en')).toBe('31,453 items')
    expect(formatValue(95, percent, 'en')).toBe('95%')
  })
  it('says no data for unknown values, never 0', () => {
    expect(formatValue(null, items, 'zh')).toBe('无数据')
    expect(formatValue(undefined, items, 'en')).toBe('no data')
    expect(formatNumber(null, 'en')).toBe('—')
    expect(formatShare(null)).toBe('—')
  })
  it('has no float noise', () => {
    expect(formatValue(80000000, yuanYi, 'zh')).toBe('0.8亿元')
    expect(formatShare(0.12345)).toBe('12.3%')
  })
})

describe('formatTarget', () => {
  it('puts the comparator before the value, and a range once', () => {
    expect(formatTarget(95, null, 'AT_LEAST', percent, 'zh')).toBe('≥ 95%')
    expect(formatTarget(20, null, 'MORE_THAN', { unit: '家', displayUnit: '家', displayFactor: 1 }, 'zh')).toBe('> 20家')
    expect(formatTarget(2000, null, 'EXACT', items, 'zh')).toBe('= 2000件')
    expect(formatTarget(10, 15, 'RANGE', events, 'zh')).toBe('10–15场次')
    expect(formatTarget(10, 15, 'RANGE', events, 'en')).toBe('10–15 events')
    expect(comparatorSymbol(null)).toBe('')
  })
})

describe('formatNumber', () => {
  it('groups thousands in English only', () => {
    expect(formatNumber(123456, 'en')).toBe('123,456')
    expect(formatNumber(123456, 'zh')).toBe('123456')
    expect(formatNumber(1.234, 'en', 2)).toBe('1.23')
  })
})

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs it and ends lines with CRLF', () => {
    const csv = toCsv(
      ['名称', 'n'],
      [
        ['新建路街道', 1],
        ['a, "b"', null],
      ],
    )
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).toBe('名称,n\r\n新建路街道,1\r\n"a, ""b""",\r\n')
  })
})

describe('average', () => {
  it('ignores unknown values', () => {
    expect(average([1, null, 3])).toBe(2)
    expect(average([null])).toBeNull()
  })
})
