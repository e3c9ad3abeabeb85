import 'reflect-metadata'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { printSchemaText } from '../../server/src/print-schema.ts'
import { buildAppSchema } from '../../server/src/schema.ts'
import { ROOT } from '../setup/templates.ts'

describe('the committed schema', () => {
  it('is exactly what the resolvers emit (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8')
    expect(await printSchemaText()).toBe(committed)
  })

  it("keeps the contract's names and types (BRIEF §3)", async () => {
    const schema = await buildAppSchema()
    const query = schema.getQueryType()!.getFields()
    const signature = (name: string) =>
      `${name}(${query[name].args
        .map((a) => `${a.name}: ${String(a.type)}`)
        .sort()
        .join(', ')}): ${String(query[name].type)}`
    expect(signature('regions')).toBe('regions(county: ID, includeAdministeredElsewhere: Boolean!, levels: [RegionLevel!]): [Region!]!')
    expect(signature('region')).toBe('region(code: ID!): Region')
    expect(signature('indicators')).toBe('indicators(category: IndicatorCategory, county: ID): [Indicator!]!')
    expect(signature('indicator')).toBe('indicator(code: ID!, county: ID): Indicator')
    expect(signature('giProducts')).toBe('giProducts(county: ID): [GIProduct!]!')
    expect(signature('tasks')).toBe('tasks(county: ID): [Task!]!')
    expect(signature('departments')).toBe('departments(county: ID): [Department!]!')
    expect(signature('datasets')).toBe('datasets(): [Dataset!]!')
    expect(String(query.servicePoints.type)).toBe('ServicePointConnection!')
    const fields = (type: string) =>
      Object.fromEntries(Object.entries((schema.getType(type) as any).getFields()).map(([name, f]: [string, any]) => [name, String(f.type)]))
    expect(fields('Region')).toMatchObject({
      code: 'ID!',
      name: 'String!',
      level: 'RegionLevel!',
      parent: 'Region',
      children: '[Region!]!',
      population: 'Int',
      populationYear: 'Int',
      areaKm2: 'Float',
      seat: 'GeoJSON',
      boundary: 'GeoJSON',
      boundaryQuality: 'GeometryQuality!',
      servicePoints: '[ServicePoint!]!',
      giProducts: '[GIProduct!]!',
      indicatorValues: '[IndicatorValue!]!',
    })
    expect(fields('Indicator')).toMatchObject({
      code: 'ID!',
      name: 'String!',
      unit: 'String!',
      category: 'IndicatorCategory!',
      baseline: 'IndicatorValue',
      target: 'IndicatorValue',
      milestones: '[IndicatorValue!]!',
      actuals: '[IndicatorValue!]!',
      progress: 'Float',
      onTrack: 'Boolean',
      source: 'String!',
    })
    expect(fields('IndicatorValue')).toMatchObject({ year: 'Int!', kind: 'ValueKind!', value: 'Float!', region: 'Region!', source: 'String!' })
    expect(fields('ServicePoint')).toMatchObject({
      id: 'ID!',
      name: 'String!',
      kind: 'ServicePointKind!',
      status: 'ServicePointStatus!',
      region: 'Region',
      address: 'String',
      location: 'GeoJSON',
      locationQuality: 'LocationQuality!',
      services: '[String!]!',
      source: 'String!',
    })
    expect(fields('ServicePointConnection')).toMatchObject({ edges: '[ServicePointEdge!]!', pageInfo: 'PageInfo!', totalCount: 'Int!' })
    const values = (type: string) => (schema.getType(type) as any).getValues().map((v: any) => v.name)
    expect(values('ServicePointKind')).toEqual([
      'RIGHTS_PROTECTION_STATION',
      'IP_SERVICE_STATION',
      'TRADEMARK_BRAND_STATION',
      'PATENT_NAVIGATION_BASE',
      'RESEARCH_CENTER',
      'UNIVERSITY',
      'HIGH_VALUE_PATENT_CENTER',
    ])
    expect(values('ServicePointStatus')).toEqual(['ACTIVE', 'PLANNED'])
    expect(values('LocationQuality')).toEqual(['SURVEYED', 'GEOCODED', 'APPROXIMATE', 'UNKNOWN'])
    expect(values('Lang')).toEqual(['ZH', 'EN'])
  })
})

describe('the documentation', () => {
  it('describes every type, field, argument and enum value', async () => {
    const { isEnumType, isInputObjectType, isObjectType } = await import('graphql')
    const schema = await buildAppSchema()
    const missing: string[] = []
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue
      if (!type.description) missing.push(type.name)
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`)
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`)
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`)
    }
    expect(missing).toEqual([])
  })
})
