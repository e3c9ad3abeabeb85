import { describe, expect, it } from 'vitest'
import { downloadsOf, explorerHref, licensesFor, resourceQuery } from './open-data.ts'

describe('downloadsOf', () => {
  it('gives a CSV for a table, and GeoJSON too for the spatial ones', () => {
    expect(downloadsOf('tasks', 'csv')).toEqual([
      { resource: 'tasks', format: 'csv', href: '/data/tasks.csv' },
      { resource: 'tasks', format: 'csv', href: '/data/tasks.csv?lang=zh', lang: 'zh' },
    ])
    expect(downloadsOf('service-points', 'csv').map((d) => [d.resource, d.href])).toEqual([
      ['service-points', '/data/service-points.csv'],
      ['service-points', '/data/service-points.csv?lang=zh'],
      ['service-points-geojson', '/data/service-points.geojson'],
    ])
  })

  it('sends the package’s boundaries to regions.geojson, and names another county', () => {
    expect(downloadsOf('boundaries', 'geojson')).toEqual([{ resource: 'regions-geojson', format: 'geojson', href: '/data/regions.geojson' }])
    expect(downloadsOf('regions', 'csv', '410185').map((d) => d.href)).toEqual([
      '/data/regions.csv?county=410185',
      '/data/regions.csv?county=410185&lang=zh',
      '/data/regions.geojson?county=410185',
    ])
  })
})

describe('resourceQuery', () => {
  it('names the operation after the resource and asks for the county', () => {
    const query = resourceQuery('indicator-values', '410184')!
    expect(query).toMatch(/^query IndicatorValues \{/)
    expect(query).toContain('indicators(county: "410184")')
    expect(resourceQuery('nothing', '410184')).toBeUndefined()
  })

  it('opens in the explorer with the query in its address', () => {
    expect(new URL(explorerHref('{ tasks { code } }'), 'http://x').searchParams.get('query')).toBe('{ tasks { code } }')
  })
})

describe('licensesFor', () => {
  const licenses = [
    { name: 'CC-BY-4.0', scope: 'the compilation and every CSV resource' },
    { name: 'other-at', scope: 'boundaries.geojson' },
  ]
  it('keeps licences scoped to a GeoJSON file off the CSV files', () => {
    expect(licensesFor('csv', licenses).map((l) => l.name)).toEqual(['CC-BY-4.0'])
    expect(licensesFor('geojson', licenses).map((l) => l.name)).toEqual(['CC-BY-4.0', 'other-at'])
  })
})
