import { describe, expect, it } from 'vitest'
import { diamondIcon, hatchPattern } from './patterns.ts'

const alphaAt = (img: { width: number; data: Uint8Array }, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3]

describe('patterns', () => {
  it('hatches on a transparent background, or on a solid one when asked', () => {
    const hatch = hatchPattern('#6b7280')
    expect(hatch.data).toHaveLength(8 * 8 * 4)
    expect(alphaAt(hatch, 0, 0)).toBeGreaterThan(0)
    expect(alphaAt(hatch, 1, 0)).toBe(0)
    const solid = hatchPattern('#ffffff', { background: '#c4c4c4', alpha: 1 })
    expect([...solid.data.slice(4, 8)]).toEqual([0xc4, 0xc4, 0xc4, 255])
  })

  it('tiles the hatching seamlessly (the lines continue across the edges)', () => {
    const hatch = hatchPattern('#000000')
    for (let y = 0; y < 8; y++) expect(alphaAt(hatch, 0, y) > 0).toBe(alphaAt(hatch, 7, (y + 1) % 8) > 0)
  })

  it('draws a diamond with an opaque centre and transparent corners', () => {
    const diamond = diamondIcon('#762a83')
    expect(alphaAt(diamond, 8, 8)).toBe(255)
    expect(alphaAt(diamond, 0, 0)).toBe(0)
  })
})
