/**
 * The hot repository queries whose SQL is committed in server/src/queries/*.sql (`npm run sql:snapshots`),
 * each run with representative arguments, so a reviewer sees every change to the SQL they send.
 * Arguments are chosen so that which statements run does not depend on the data (e.g. a page after a
 * cursor always runs its count query).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type { RegionLevel, ServicePointKind, ServicePointStatus } from '../../../schema/enums.ts'
import { compareRegionFigures } from '../compare/compare.repository.ts'
import { listIndicators, listValuesOfIndicators, listValuesOfRegions } from '../indicator/indicator.repository.ts'
import { giProductsLayer, regionsLayer, servicePointsLayer } from '../map/map-layer.repository.ts'
import { findRegionsByCodes, listBoundaries, listChildrenOf, listRegions } from '../region/region.repository.ts'
import { listNearestServicePoints, listServicePointsPage } from '../service-point/service-point.repository.ts'
import { tileFromPostgis } from '../tiles/tiles.repository.ts'

export interface HotQuery {
  /** The snapshot file (beside this module) the query's SQL goes to. */
  file: string
  /** What is run, and with what kind of arguments. */
  name: string
  run(db: Kysely<Database>): Promise<unknown>
  /** Runs only on PostgreSQL (ST_AsMVT): on PGlite its SQL is recorded and the failure to run it ignored. */
  postgresOnly?: boolean
}

const COUNTY = '410184'
const TOWNS = ['410184101', '410184102']
const kinds = ['RIGHTS_PROTECTION_STATION', 'IP_SERVICE_STATION'] as ServicePointKind[]

export const HOT_QUERIES: HotQuery[] = [
  {
    file: 'service-point.repository.sql',
    name: 'listServicePointsPage: the county, first page, every field',
    run: (db) => listServicePointsPage(db, { county: COUNTY }, { first: 50 }),
  },
  {
    file: 'service-point.repository.sql',
    name: 'listServicePointsPage: kinds, status, region and bbox, after a cursor, with totalCount (the page, then the count)',
    run: (db) =>
      listServicePointsPage(
        db,
        {
          county: COUNTY,
          kinds,
          statuses: ['ACTIVE'] as ServicePointStatus[],
          region: TOWNS[0],
          bbox: { minLng: 113.6, minLat: 34.3, maxLng: 113.9, maxLat: 34.6 },
        },
        { first: 20, afterId: 'sp-001' },
        { fields: new Set(['address', 'location']), totalCount: true },
      ),
  },
  {
    file: 'service-point.repository.sql',
    name: 'listNearestServicePoints: one kind, every field',
    run: (db) => listNearestServicePoints(db, { county: COUNTY, lng: 113.74, lat: 34.4, kinds: kinds.slice(0, 1), limit: 5 }),
  },
  { file: 'compare.repository.sql', name: 'compareRegionFigures: two towns, 5 km', run: (db) => compareRegionFigures(db, TOWNS, 5000) },
  { file: 'map-layer.repository.sql', name: 'regionsLayer: the county, not simplified', run: (db) => regionsLayer(db, { county: COUNTY }) },
  {
    file: 'map-layer.repository.sql',
    name: 'regionsLayer: one region, simplified to 50 m, at most 1000 features (the count, then the layer)',
    run: (db) => regionsLayer(db, { county: COUNTY, region: TOWNS[0], simplifyMeters: 50, maxFeatures: 1000 }),
  },
  { file: 'map-layer.repository.sql', name: 'servicePointsLayer: the county', run: (db) => servicePointsLayer(db, { county: COUNTY }) },
  {
    file: 'map-layer.repository.sql',
    name: 'servicePointsLayer: inside one region',
    run: (db) => servicePointsLayer(db, { county: COUNTY, region: TOWNS[0] }),
  },
  { file: 'map-layer.repository.sql', name: 'giProductsLayer: the county, not simplified', run: (db) => giProductsLayer(db, { county: COUNTY }) },
  {
    file: 'map-layer.repository.sql',
    name: 'giProductsLayer: origins including one region',
    run: (db) => giProductsLayer(db, { county: COUNTY, region: TOWNS[0] }),
  },
  {
    file: 'tiles.repository.sql',
    name: 'tileFromPostgis: service points, zoom 8 (clustered)',
    run: (db) => tileFromPostgis(db, COUNTY, 'service-points', 8, 210, 102),
    postgresOnly: true,
  },
  {
    file: 'tiles.repository.sql',
    name: 'tileFromPostgis: service points, zoom 12',
    run: (db) => tileFromPostgis(db, COUNTY, 'service-points', 12, 3341, 1632),
    postgresOnly: true,
  },
  {
    file: 'tiles.repository.sql',
    name: 'tileFromPostgis: regions, zoom 10',
    run: (db) => tileFromPostgis(db, COUNTY, 'regions', 10, 835, 408),
    postgresOnly: true,
  },
  { file: 'region.repository.sql', name: 'listRegions: the county', run: (db) => listRegions(db, { county: COUNTY }) },
  {
    file: 'region.repository.sql',
    name: 'listRegions: two levels, with the units administered elsewhere',
    run: (db) => listRegions(db, { county: COUNTY, levels: ['TOWN', 'TOWNSHIP'] as RegionLevel[], includeAdministeredElsewhere: true }),
  },
  { file: 'region.repository.sql', name: 'findRegionsByCodes: two codes (the region loader)', run: (db) => findRegionsByCodes(db, TOWNS) },
  { file: 'region.repository.sql', name: 'listChildrenOf: the county', run: (db) => listChildrenOf(db, [COUNTY]) },
  { file: 'region.repository.sql', name: 'listBoundaries: two codes, simplified to 50 m', run: (db) => listBoundaries(db, TOWNS, 50) },
  { file: 'indicator.repository.sql', name: 'listIndicators: the county', run: (db) => listIndicators(db, { county: COUNTY }) },
  {
    file: 'indicator.repository.sql',
    name: 'listIndicators: one category',
    run: (db) => listIndicators(db, { county: COUNTY, category: 'CREATION' }),
  },
  {
    file: 'indicator.repository.sql',
    name: 'listValuesOfIndicators: two indicators (the values loader)',
    run: (db) =>
      listValuesOfIndicators(db, [
        { countyCode: COUNTY, code: 'I1' },
        { countyCode: COUNTY, code: 'I2' },
      ]),
  },
  { file: 'indicator.repository.sql', name: 'listValuesOfRegions: two towns', run: (db) => listValuesOfRegions(db, TOWNS) },
]
