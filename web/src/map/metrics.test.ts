import { describe, expect, it } from 'vitest'
import { classify, formatMetric, metricValue } from './metrics.ts'
import { RAMP } from './palette.ts'
import type { RegionProps } from '../api/types.ts'

describe('classify', () => {
  it('gives each distinct value its own class when there are at most five, light to dark', () => {
    const classes = classify('servicePoints', [1, 3, 1, null, undefined, 1], 'zh')
    expect(classes.map((c) => [c.from, c.label, c.color])).toEqual([
      [1, '1', RAMP[0]],
      [3, '3', RAMP[4]],
    ])
  })

  it('makes at most five quantile classes of whole numbers for counts', () => {
    const classes = classify('servicePoints', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'en')
    expect(classes).toHaveLength(5)
    expect(classes.map((c) => c.from)).toEqual([0, 2, 4, 7, 9])
    expect(classes.map((c) => c.label)).toEqual(['0–1', '2–3', '4–6', '7–8', '≥ 9'])
  })

  it('uses fixed fifths for coverage', () => {
    expect(classify('coverage', [1, 1, 0.64], 'zh').map((c) => c.label)).toEqual(['0–20%', '20–40%', '40–60%', '60–80%', '≥ 80%'])
  })

  it('has no class when no value is known', () => {
    expect(classify('per10k', [null, null], 'zh')).toEqual([])
  })
})

describe('formatMetric', () => {
  it('writes unknown as "no data" and loading as "…", never as 0', () => {
    expect(formatMetric('per10k', null, 'zh')).toBe('无数据')
    expect(formatMetric('per10k', null, 'en')).toBe('no data')
    expect(formatMetric('coverage', undefined, 'en')).toBe('…')
    expect(formatMetric('servicePoints', 0, 'en')).toBe('0')
  })

  it('writes shares as percentages and rates with two decimals', () => {
    expect(formatMetric('coverage', 0.6359983789026031, 'zh')).toBe('63.6%')
    expect(formatMetric('coverage', 1, 'zh')).toBe('100%')
    expect(formatMetric('per10k', 0.2359, 'zh')).toBe('0.24')
  })
})

describe('metricValue', () => {
  const region = { servicePointCount: 3, giProductCount: 1 } as RegionProps
  it('reads counts from the layer and rates from compareRegions (undefined until loaded)', () => {
    expect(metricValue('servicePoints', region, undefined)).toBe(3)
    expect(metricValue('per10k', region, undefined)).toBeUndefined()
    const figures = { code: 'x', servicePointsPer10k: null, coverageShare: 0.5 } as never
    expect(metricValue('per10k', region, figures)).toBeNull()
    expect(metricValue('coverage', region, figures)).toBe(0.5)
  })
})
