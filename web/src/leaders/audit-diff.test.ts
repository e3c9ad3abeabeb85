import { describe, expect, it } from 'vitest'
import { changedFields, formatValue } from './audit-diff.ts'

const positions = (n: number) => `${n} points`

describe('changedFields', () => {
  it('lists only the fields an update changed, in the record’s order', () => {
    const before = { id: 'p1', address: null, lng: '113.7', lat: '34.4', location_quality: 'APPROXIMATE', services: 'a|b' }
    const after = { id: 'p1', address: '新村镇便民服务大厅', lng: '113.655', lat: '34.4', location_quality: 'SURVEYED', services: 'a|b' }
    expect(changedFields(before, after)).toEqual([
      { field: 'address', before: null, after: '新村镇便民服务大厅' },
      { field: 'lng', before: '113.7', after: '113.655' },
      { field: 'location_quality', before: 'APPROXIMATE', after: 'SURVEYED' },
    ])
  })

  it('treats null, missing and empty text as the same empty value', () => {
    expect(changedFields({ note: null, source: '' }, { note: '', source: null, extra: null })).toEqual([])
  })

  it('lists the fields an insert set and a delete removed, leaving empty ones out', () => {
    expect(changedFields(null, { id: 'p2', note: null, kind: 'UNIVERSITY' })).toEqual([
      { field: 'id', before: undefined, after: 'p2' },
      { field: 'kind', before: undefined, after: 'UNIVERSITY' },
    ])
    expect(changedFields({ id: 'p2', note: null }, null)).toEqual([{ field: 'id', before: 'p2', after: undefined }])
  })

  it('compares geometry by value', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    }
    expect(changedFields({ boundary: square }, { boundary: structuredClone(square) })).toEqual([])
    expect(
      changedFields(
        { boundary: square },
        {
          boundary: {
            ...square,
            coordinates: [
              [
                [0, 0],
                [2, 0],
                [2, 2],
                [0, 0],
              ],
            ],
          },
        },
      ),
    ).toHaveLength(1)
  })
})

describe('formatValue', () => {
  it('writes empty values, text, numbers and lists', () => {
    expect(formatValue(null, '—', positions)).toBe('—')
    expect(formatValue('', '—', positions)).toBe('—')
    expect(formatValue(12.5, '—', positions)).toBe('12.5')
    expect(formatValue(['咨询', '维权'], '—', positions)).toBe('咨询 | 维权')
    expect(formatValue('x'.repeat(200), '—', positions)).toHaveLength(120)
  })

  it('writes a point as its coordinates and other geometry as its type and size', () => {
    expect(formatValue({ type: 'Point', coordinates: [113.655, 34.433] }, '—', positions)).toBe('Point (113.655, 34.433)')
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    }
    expect(formatValue(multi, '—', positions)).toBe('MultiPolygon (8 points)')
  })
})
