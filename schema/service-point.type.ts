import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { LocationQuality, ServicePointKind, ServicePointStatus } from './enums.ts'
import { GeoJSONScalar } from './scalars.ts'

@ObjectType({ description: 'An IP service station or other IP service place the plan names.' })
export class ServicePoint {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string
  @Field(() => String) nameZh!: string
  @Field(() => String) nameEn!: string
  @Field(() => ServicePointKind) kind!: ServicePointKind
  @Field(() => ServicePointStatus) status!: ServicePointStatus
  @Field(() => String, { nullable: true, description: 'Postal address, where known.' }) address!: string | null
  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Point (WGS84), or null when the location is unknown.' })
  location!: object | null
  @Field(() => LocationQuality) locationQuality!: LocationQuality
  @Field(() => [String], { description: 'Services offered, as the plan describes them.' }) services!: string[]
  @Field(() => String) source!: string
  @Field(() => String, { nullable: true }) note!: string | null

  countyCode!: string
  regionCode!: string | null
}

@ObjectType({ description: 'An edge of a Relay connection of service points.' })
export class ServicePointEdge {
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue.' }) cursor!: string
  @Field(() => ServicePoint) node!: ServicePoint
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean
  @Field(() => Boolean) hasPreviousPage!: boolean
  @Field(() => String, { nullable: true }) startCursor!: string | null
  @Field(() => String, { nullable: true }) endCursor!: string | null
}

@ObjectType({ description: 'A page of service points, ordered by id.' })
export class ServicePointConnection {
  @Field(() => [ServicePointEdge]) edges!: ServicePointEdge[]
  @Field(() => PageInfo) pageInfo!: PageInfo
  @Field(() => Int, { description: 'Number of service points matching the filters, on every page.' }) totalCount!: number
}

@ObjectType({ description: 'A service point and its distance from the point asked about.' })
export class ServicePointDistance {
  @Field(() => ServicePoint) servicePoint!: ServicePoint
  @Field(() => Float, { description: 'Geodesic distance in metres on the WGS84 spheroid (PostGIS ST_Distance on geography).' })
  distanceMeters!: number
}
