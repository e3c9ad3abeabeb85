/**
 * Which text columns hold an enum's values. Each has a check constraint listing exactly those values
 * (tests/db/enum-drift.test.ts compares the migrated database's constraints with the declarations and
 * names what is missing), and db/database.generated.ts types it as the enum's union (npm run db:types).
 */
import { ROLES, USER_ROLES } from '../roles.ts'
import { ENUMS, valuesOf, type EnumName } from '../../schema/enum-values.ts'

export interface EnumColumn {
  /** The TypeScript type the generated row type uses (a union of the values). */
  type: string
  /** The module exporting `type`, relative to db/. */
  module: string
  /** The values the column's check constraint must list (in any order). */
  values: readonly string[]
  /** Values of the type the column never holds (the type becomes `Exclude<type, …>`), and why. */
  except?: { values: readonly string[]; why: string }
}

function apiEnum(name: EnumName, except?: EnumColumn['except']): EnumColumn {
  const values = valuesOf(ENUMS[name] as Record<string, string>).filter((v) => !except?.values.includes(v))
  return { type: name, module: '../schema/enum-values.ts', values, ...(except ? { except } : {}) }
}

/** `table.column` → the enum its values come from. */
export const ENUM_COLUMNS: Record<string, EnumColumn> = {
  'region.level': apiEnum('RegionLevel'),
  'region.population_kind': apiEnum('PopulationKind'),
  'region.boundary_quality': apiEnum('GeometryQuality'),
  'region.seat_quality': apiEnum('LocationQuality', { values: ['UNKNOWN'], why: 'a region without a seat has seat_quality null' }),
  'region_name.level': apiEnum('RegionLevel'),
  'indicator.category': apiEnum('IndicatorCategory'),
  'indicator.nature': apiEnum('IndicatorNature'),
  'indicator.accumulation': apiEnum('Accumulation'),
  'indicator.comparator': apiEnum('Comparator'),
  'indicator_value.kind': apiEnum('ValueKind'),
  'indicator_value.status': apiEnum('ValueStatus'),
  'task_status.status': apiEnum('TaskStatus'),
  'indicator_relation.kind': apiEnum('IndicatorRelationKind'),
  'gi_product.status': apiEnum('GIStatus'),
  'gi_product.origin_area_quality': apiEnum('GeometryQuality'),
  'service_point.kind': apiEnum('ServicePointKind'),
  'service_point.status': apiEnum('ServicePointStatus'),
  'service_point.location_quality': apiEnum('LocationQuality'),
  'department.kind': apiEnum('DepartmentKind'),
  'feedback.kind': apiEnum('FeedbackKind'),
  'feedback.subject_type': apiEnum('FeedbackSubjectType'),
  'feedback.status': apiEnum('FeedbackStatus'),
  'api_token.role': { type: 'Role', module: './roles.ts', values: ROLES },
  'app_user.role': { type: 'UserRole', module: './roles.ts', values: USER_ROLES },
}
