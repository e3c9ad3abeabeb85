import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { LocationQuality, ServicePointKind, ServicePointStatus } from './enums.ts'
import { GeoJSONScalar } from './scalars.ts'

@ObjectType({ simpleResolvers: true, description: 'An IP service station or other IP service place the plan names.' })
export class ServicePoint {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string
  @Field(() => String, { description: 'Name in Chinese.' }) nameZh!: string
  @Field(() => String, { description: 'Name in English (pinyin for places); the Chinese name where no English name was given (see hasEnglishName).' })
  nameEn!: string
  @Field(() => Boolean, { description: 'Whether an English name was given (false: nameEn repeats the Chinese name).' }) hasEnglishName!: boolean
  @Field(() => ServicePointKind, { description: 'Kind of service place.' }) kind!: ServicePointKind
  @Field(() => ServicePointStatus, { description: 'Whether it works now (ACTIVE) or is to be set up (PLANNED).' }) status!: ServicePointStatus
  @Field(() => String, { nullable: true, description: 'Postal address, where known.' }) address!: string | null
  @Field(() => GeoJSONScalar, { nullable: true, description: 'A GeoJSON Point (WGS84), or null when the location is unknown.' })
  location!: object | null
  @Field(() => LocationQuality, { description: 'How the location was obtained; APPROXIMATE points sit at their township seat, UNKNOWN ones have no location.' })
  locationQuality!: LocationQuality
  @Field(() => [String], { description: 'Services offered, as the plan describes them.' }) services!: string[]
  @Field(() => String, { description: 'Where the record comes from: a section or table of the plan, or a public source, as written (remarks in English).' })
  source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null when there are none.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null
  @Field(() => String, { nullable: true, description: 'Opening hours as the station states them; null when not known.' }) openingHours!: string | null
  @Field(() => String, { nullable: true, description: "The station's public telephone or e-mail; null when not known." }) contact!: string | null
  @Field(() => String, { nullable: true, description: 'The date it opened (YYYY-MM-DD); null when not known or not yet open.' }) openedOn!: string | null

  countyCode!: string
  regionCode!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'An edge of a Relay connection of service points.' })
export class ServicePointEdge {
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue.' }) cursor!: string
  @Field(() => ServicePoint, { description: 'The service point.' }) node!: ServicePoint
}

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' }) hasNextPage!: boolean
  @Field(() => Boolean, { description: 'True when this page was asked for after a cursor.' }) hasPreviousPage!: boolean
  @Field(() => String, { nullable: true, description: 'Cursor of the first item; null on an empty page.' }) startCursor!: string | null
  @Field(() => String, { nullable: true, description: 'Cursor of the last item: pass it as `after` for the next page; null on an empty page.' }) endCursor!:
    string | null
}

@ObjectType({ simpleResolvers: true, description: 'A page of service points, ordered by id.' })
export class ServicePointConnection {
  @Field(() => [ServicePointEdge], { description: "This page's service points with their cursors." }) edges!: ServicePointEdge[]
  @Field(() => PageInfo, { description: 'Where this page stands: whether more follow, and the cursors.' }) pageInfo!: PageInfo
  @Field(() => Int, { description: 'Number of service points matching the filters, on every page.' }) totalCount!: number
}

@ObjectType({ simpleResolvers: true, description: 'A service point and its distance from the point asked about.' })
export class ServicePointDistance {
  @Field(() => ServicePoint, { description: 'The service point.' }) servicePoint!: ServicePoint
  @Field(() => Float, { description: 'Geodesic distance in metres on the WGS84 spheroid (PostGIS ST_Distance on geography).' })
  distanceMeters!: number
}
