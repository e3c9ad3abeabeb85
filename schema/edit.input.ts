import { Field, Float, ID, InputType, Int } from 'type-graphql'
import { CoordinateSystem, GeometryQuality, GIStatus, LocationQuality, ServicePointKind, ServicePointStatus, ValueKind } from './enums.ts'
import { GeoJSONScalar } from './scalars.ts'

export { CoordinateSystem }

@InputType({
  description: 'A service point to create or change, by id. For a change, fields left out keep their value; null clears a field that may be empty.',
})
export class ServicePointInput {
  @Field(() => ID, { description: 'Stable identifier: lower-case letters, digits and hyphens.' }) id!: string
  @Field(() => ID, { nullable: true, description: "County of a new point; defaults to the platform's default county." }) county?: string | null
  @Field(() => String, { nullable: true, description: 'Name in Chinese (required for a new point).' }) nameZh?: string | null
  @Field(() => String, { nullable: true, description: 'Name in English; optional (null clears it: the Chinese name then shows in English too).' })
  nameEn?: string | null
  @Field(() => ServicePointKind, { nullable: true, description: 'Kind of service place (required for a new point).' }) kind?: ServicePointKind | null
  @Field(() => ServicePointStatus, { nullable: true, description: 'ACTIVE or PLANNED (required for a new point).' }) status?: ServicePointStatus | null
  @Field(() => ID, { nullable: true, description: 'Code of its township-level unit; when left out (or null), it follows from the location.' })
  region?: string | null
  @Field(() => String, { nullable: true, description: 'Postal address; null clears it.' }) address?: string | null
  @Field(() => Float, { nullable: true, description: 'Longitude; give lng and lat together, or both null for an unknown location.' }) lng?: number | null
  @Field(() => Float, { nullable: true, description: 'Latitude.' }) lat?: number | null
  @Field(() => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: 'The system lng and lat are in.' }) crs!: CoordinateSystem
  @Field(() => LocationQuality, {
    nullable: true,
    description: 'How the location was found; defaults to GEOCODED for a new location, UNKNOWN without one.',
  })
  locationQuality?: LocationQuality | null
  @Field(() => [String], { nullable: true, description: 'Services offered.' }) services?: string[] | null
  @Field(() => String, { nullable: true, description: 'Where the information comes from (required for a new point).' }) source?: string | null
  @Field(() => String, { nullable: true, description: 'The same source in Chinese (中文来源); null clears it; omitted: kept (give it with a new `source`).' })
  sourceZh?: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null clears them.' }) note?: string | null
  @Field(() => String, { nullable: true, description: 'The same caveats in Chinese (中文说明); null clears them.' }) noteZh?: string | null
  @Field(() => String, { nullable: true, description: 'Opening hours as the station states them (at most 200 characters); null clears them.' })
  openingHours?: string | null
  @Field(() => String, {
    nullable: true,
    description: "The station's public telephone or e-mail, never a person's (at most 200 characters); null clears it.",
  })
  contact?: string | null
  @Field(() => String, {
    nullable: true,
    description: 'The date it opened, YYYY-MM-DD (China time, not in the future); required when a PLANNED station becomes ACTIVE.',
  })
  openedOn?: string | null
}

@InputType({ description: 'An indicator value to record (or correct): one per indicator, region, year and kind.' })
export class IndicatorValueInput {
  @Field(() => ID, { description: 'Indicator code.' }) indicator!: string
  @Field(() => ID, { nullable: true, description: 'Region code; defaults to the county itself.' }) region?: string | null
  @Field(() => Int, { description: 'The year the value is for.' }) year!: number
  @Field(() => ValueKind, {
    defaultValue: ValueKind.ACTUAL,
    description: "ACTUAL for an outcome (editor); the plan's BASELINE, MILESTONE and TARGET need an admin.",
  })
  kind!: ValueKind
  @Field(() => Float, { description: "In the indicator's base unit (元, not 万元)." }) value!: number
  @Field(() => Float, { nullable: true, description: 'Upper end of a range, when the value is one.' }) valueMax?: number | null
  @Field(() => String, { description: 'Where the figure comes from (a statistical bulletin, a report …).' }) source!: string
  @Field(() => String, { nullable: true, description: 'The same source in Chinese (中文来源); null clears it; omitted: kept (give it with a new `source`).' })
  sourceZh?: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null clears them.' }) note?: string | null
  @Field(() => String, { nullable: true, description: 'The same caveats in Chinese (中文说明); null clears them.' }) noteZh?: string | null
  @Field(() => ID, { nullable: true, description: "County; defaults to the platform's default county." }) county?: string | null
}

@InputType({ description: 'A GI product to create or change, by code. For a change, fields left out keep their value.' })
export class GIProductInput {
  @Field(() => ID, { description: 'Stable code: lower-case letters, digits and hyphens.' }) code!: string
  @Field(() => ID, { nullable: true, description: "County; defaults to the platform's default county." }) county?: string | null
  @Field(() => String, { nullable: true, description: 'Name in Chinese (required for a new product).' }) nameZh?: string | null
  @Field(() => String, { nullable: true, description: 'Name in English (required for a new product).' }) nameEn?: string | null
  @Field(() => String, { nullable: true, description: 'Product category in Chinese.' }) categoryZh?: string | null
  @Field(() => String, { nullable: true, description: 'Product category in English.' }) categoryEn?: string | null
  @Field(() => GIStatus, { nullable: true, description: 'Protection status (required for a new product).' }) status?: GIStatus | null
  @Field(() => String, { nullable: true, description: 'Where the record comes from (required for a new product).' }) source?: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null clears them.' }) note?: string | null
  @Field(() => String, { nullable: true, description: 'The same caveats in Chinese (中文说明); null clears them.' }) noteZh?: string | null
  @Field(() => [ID], { nullable: true, description: 'Codes of its origin regions (replaces the list).' }) originRegions?: string[] | null
  @Field(() => GeoJSONScalar, {
    nullable: true,
    description:
      'Official origin area (a Polygon or MultiPolygon, or a Feature of one); null removes it (an approximate one is then derived from the origin regions).',
  })
  originArea?: object | null
  @Field(() => GeometryQuality, { nullable: true, description: 'Quality of originArea; default OFFICIAL.' }) originAreaQuality?: GeometryQuality | null
  @Field(() => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: 'The system originArea is in.' }) crs!: CoordinateSystem
}
