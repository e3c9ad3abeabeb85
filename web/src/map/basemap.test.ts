import { describe, expect, it } from 'vitest'
import { basemapParts, tiandituTiles } from './basemap.ts'

describe('basemaps', () => {
  it('asks 天地图 for its Web-Mercator (_w) tiles over its eight hosts, with the key', () => {
    const tiles = tiandituTiles('vec', 'abc123')
    expect(tiles).toHaveLength(8)
    expect(tiles[3]).toBe(
      'https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123',
    )
  })

  it('pairs imagery with its labels, in the page language', () => {
    const img = { id: 'tianditu-img', kind: 'tianditu', layer: 'img', token: 'k' } as const
    expect(JSON.stringify(basemapParts(img, 'zh').sources)).toMatch(/img_w.*cia_w/)
    expect(JSON.stringify(basemapParts(img, 'en').sources)).toMatch(/img_w.*eia_w/)
  })

  it('draws an XYZ template with its attribution, and nothing for a style basemap', () => {
    const xyz = basemapParts({ id: 'custom-xyz', kind: 'xyz', tiles: ['https://t.example/{z}/{x}/{y}.png'], attribution: '© Example' }, 'zh')
    expect(Object.values(xyz.sources)).toEqual([
      { type: 'raster', tiles: ['https://t.example/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19, attribution: '© Example' },
    ])
    expect(basemapParts({ id: 'custom-style', kind: 'style', url: 'https://s.example/style.json' }, 'zh')).toEqual({ sources: {}, layers: [] })
  })
})
