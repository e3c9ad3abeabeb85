/**
 * Kysely table types, generated from the migrated database (db/database.generated.ts, `npm run db:types`;
 * tests/db/database-types.test.ts fails when it is not current). Enum columns are typed as the unions
 * declared in schema/enum-values.ts (see db/scripts/enum-columns.ts). Geometry columns are never read raw
 * (queries convert them with `ST_AsGeoJSON` in SQL), so they are typed as the hex EWKB string Postgres
 * would return; `numeric` comes back from `pg` as a string, so queries cast it to float8 where they read it.
 */
export type {
  DB as Database,
  ApiToken as ApiTokenTable,
  AppUser as AppUserTable,
  AppUserRegion as AppUserRegionTable,
  UserSession as UserSessionTable,
  AuditLog as AuditLogTable,
  Dataset as DatasetTable,
  Department as DepartmentTable,
  GiProduct as GiProductTable,
  GiProductRegion as GiProductRegionTable,
  Indicator as IndicatorTable,
  IndicatorValue as IndicatorValueTable,
  IndicatorRelation as IndicatorRelationTable,
  Region as RegionTable,
  RegionName as RegionNameTable,
  ServicePoint as ServicePointTable,
  Task as TaskTable,
  TaskDepartment as TaskDepartmentTable,
} from './database.generated.ts'
