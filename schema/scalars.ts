import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql'

const GEOJSON_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
  'Feature',
  'FeatureCollection',
])

function literalToValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalToValue(f.value)]))
    case Kind.LIST:
      return node.values.map(literalToValue)
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.BOOLEAN:
      return node.value
    default:
      return null
  }
}

function checkGeoJSON(value: unknown): object {
  const v = typeof value === 'string' ? safeParse(value) : value
  if (!v || typeof v !== 'object' || !GEOJSON_TYPES.has((v as { type?: string }).type ?? '')) {
    throw new GraphQLError('GeoJSON must be an object whose "type" is a GeoJSON geometry, Feature or FeatureCollection', {
      extensions: { code: 'BAD_USER_INPUT' },
    })
  }
  return v
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** An RFC 7946 GeoJSON object (geometry, Feature or FeatureCollection), WGS84 longitude/latitude. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description:
    'An RFC 7946 GeoJSON object (a geometry, Feature or FeatureCollection) in WGS84 longitude/latitude, ' +
    'with at most 6 decimals and polygons wound by the right-hand rule.',
  serialize: (value) => value,
  parseValue: checkGeoJSON,
  parseLiteral: (node) => checkGeoJSON(literalToValue(node)),
})

/** Any JSON value (the audit log's before and after records). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node) => literalToValue(node),
})
