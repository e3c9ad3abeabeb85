/** Saved example queries shown as GraphiQL tabs (the README's "Querying the data" shows the same ones). */
export const EXAMPLES: { query: string; variables?: string }[] = [
  {
    query: `# 指标与进度 · Indicators with baseline, milestones, target and progress
query Indicators {
  indicators {
    code
    name
    unit
    displayUnit
    baseline { year value }
    milestones { year value }
    target { year value }
    latestActual { year value }
    progress
    onTrack
    source
  }
}`,
  },
  {
    query: `# 某镇的服务站点 · Service stations within a town (inside its boundary)
query StationsInTown($region: ID!) {
  region(code: $region) { name boundaryQuality }
  servicePoints(region: $region, first: 50) {
    totalCount
    edges { node { id name kind status address locationQuality location } }
  }
}`,
    variables: '{ "region": "410184109" }',
  },
  {
    query: `# 离某点最近的站点 · Nearest stations to a point (geodesic metres)
query Nearest($lng: Float!, $lat: Float!) {
  nearestServicePoints(lng: $lng, lat: $lat, limit: 5) {
    distanceMeters
    servicePoint { name kind status locationQuality region { name } }
  }
}`,
    variables: '{ "lng": 113.74, "lat": 34.40 }',
  },
  {
    query: `# 乡镇对比 · Compare towns (coverage within 5 km of a station)
query CompareTowns {
  compareRegions(codes: ["410184001", "410184109", "410184402"], coverageRadiusKm: 5) {
    rank
    region { code name }
    population
    populationYear
    areaKm2
    servicePointCount
    servicePointsPer10k
    giProductCount
    coverageShare
  }
}`,
  },
  {
    query: `# 地图图层 · A map layer as a GeoJSON FeatureCollection
query MapLayer {
  mapLayer(layer: GI_PRODUCTS, simplifyMeters: 200)
}`,
  },
]
