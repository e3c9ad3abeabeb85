import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { GeometryQuality, LocationQuality, PopulationKind, RegionLevel } from './enums.ts'
import { GeoJSONScalar } from './scalars.ts'

@ObjectType({ simpleResolvers: true, description: 'A name a region has had, with the dates it applied.' })
export class RegionName {
  @Field(() => String, { description: 'Name in Chinese.' }) nameZh!: string
  @Field(() => String, { description: 'Name in English (pinyin for places).' }) nameEn!: string
  @Field(() => RegionLevel, { description: 'The level the region had under this name.' }) level!: RegionLevel
  @Field(() => String, { nullable: true, description: 'First day the name applied (ISO date), when known.' }) validFrom!: string | null
  @Field(() => String, { nullable: true, description: 'Day the name stopped applying (ISO date); null while current.' }) validTo!: string | null
  @Field(() => String, { description: 'Where the record comes from, as written (its locators and remarks in English).' }) source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A county or township-level unit (街道, 镇, 乡 or 管委会 area), identified by its NBS statistical code. ' +
    'Boundaries may be schematic: check boundaryQuality.',
})
export class Region {
  @Field(() => ID, { description: 'NBS statistical division code (6 digits for a county, 9 for a township-level unit).' })
  code!: string
  @Field(() => String, { description: 'Current name in Chinese.' }) nameZh!: string
  @Field(() => String, { description: 'Current name in English (pinyin).' }) nameEn!: string
  @Field(() => RegionLevel, { description: 'Administrative level (current).' }) level!: RegionLevel
  @Field(() => Boolean, {
    description: "False for units inside the county's outline that are administered and counted elsewhere (e.g. by 郑州航空港区).",
  })
  inCountyStatistics!: boolean
  @Field(() => Int, { nullable: true, description: 'Population (persons) from a dated source; null when none was found.' })
  population!: number | null
  @Field(() => Int, { nullable: true, description: 'Year of the population figure.' }) populationYear!: number | null
  @Field(() => PopulationKind, { nullable: true, description: 'What the population figure counts.' }) populationKind!: PopulationKind | null
  @Field(() => String, { nullable: true, description: 'Where the population figure comes from, as written (remarks in English).' }) populationSource!:
    string | null
  @Field(() => String, {
    nullable: true,
    description: 'The population source in Chinese (人口来源); null where `populationSource` is Chinese already or there is none.',
  })
  populationSourceZh!: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the population figure, or why there is none, in English.' }) populationNote!: string | null
  @Field(() => String, { nullable: true, description: 'The population note in Chinese (人口说明); null where none was written.' })
  populationNoteZh!: string | null
  @Field(() => Float, {
    nullable: true,
    description: 'Area in km², computed geodesically (PostGIS ST_Area on geography) from the boundary; as approximate as the boundary.',
  })
  areaKm2!: number | null
  @Field(() => GeoJSONScalar, { nullable: true, description: 'Seat of government as a GeoJSON Point (often estimated: see seatQuality).' })
  seat!: object | null
  @Field(() => LocationQuality, {
    nullable: true,
    description: 'Quality of the seat point (SURVEYED, GEOCODED or APPROXIMATE, as for service points); null when there is none.',
  })
  seatQuality!: LocationQuality | null
  @Field(() => String, { nullable: true, description: 'Where the seat point comes from (its English note follows the source after "; ").' }) seatSource!:
    string | null
  @Field(() => String, {
    nullable: true,
    description: 'Where the seat point comes from, in Chinese (驻地来源; its Chinese note is seatNoteZh); null where none was written.',
  })
  seatSourceZh!: string | null
  @Field(() => String, { nullable: true, description: "The seat's note in Chinese (驻地说明); null where none was written." })
  seatNoteZh!: string | null
  @Field(() => GeometryQuality, { description: 'Quality of the boundary: APPROXIMATE boundaries are schematic (示意图).' })
  boundaryQuality!: GeometryQuality
  @Field(() => String, { nullable: true, description: 'How the boundary was made, or where it comes from.' }) boundarySource!: string | null
  @Field(() => String, { description: 'Where the record comes from, as written (its locators and remarks in English).' }) source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null when there are none.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null

  countyCode!: string
  parentCode!: string | null
  administeredByCode!: string | null
}
