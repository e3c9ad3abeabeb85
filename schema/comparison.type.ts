import { Field, Float, Int, ObjectType } from 'type-graphql'
import { PopulationKind, ServicePointKind } from './enums.ts'
import { Region } from './region.type.ts'

@ObjectType({ simpleResolvers: true, description: 'How many service points of one kind a region has.' })
export class KindCount {
  @Field(() => ServicePointKind, { description: 'Kind of service place.' }) kind!: ServicePointKind
  @Field(() => Int, { description: 'How many of that kind.' }) count!: number
}

@ObjectType({ simpleResolvers: true, description: "One region's figures in a comparison; every figure says how it is computed." })
export class RegionComparison {
  @Field(() => Region, { description: 'The region compared.' }) region!: Region
  @Field(() => Int, { nullable: true, description: "Population from the region's dated source; null when unknown." })
  population!: number | null
  @Field(() => Int, { nullable: true, description: 'Year of the population figure.' }) populationYear!: number | null
  @Field(() => PopulationKind, {
    nullable: true,
    description:
      'What the population figure counts (resident, household-registered, or unspecified). Compare per-capita figures only between the same year and kind.',
  })
  populationKind!: PopulationKind | null
  @Field(() => Float, { nullable: true, description: 'Area in km², geodesic (ST_Area on geography) from the boundary, as approximate as the boundary.' })
  areaKm2!: number | null
  @Field(() => Int, {
    description:
      'Service points in the region: recorded there, or located inside its boundary (ST_Covers); for the county itself, every service point ' +
      'of the county, located or not. All kinds and statuses.',
  })
  servicePointCount!: number
  @Field(() => [KindCount], { description: "servicePointCount by kind, kinds with none left out, in the enum's order." })
  servicePointCountByKind!: KindCount[]
  @Field(() => Float, { nullable: true, description: 'servicePointCount / population × 10 000; null when the population is unknown.' })
  servicePointsPer10k!: number | null
  @Field(() => Float, { nullable: true, description: 'servicePointCount / areaKm2 × 100; null without an area.' })
  servicePointsPer100Km2!: number | null
  @Field(() => Int, { description: 'GI products whose origin regions include this region.' }) giProductCount!: number
  @Field(() => Float, {
    nullable: true,
    description:
      "Share (0–1) of the region's area within coverageRadiusKm of an ACTIVE or PLANNED service point with a location " +
      '(anywhere in the county): buffers computed on geography (ST_Buffer), united and intersected with the boundary, ' +
      'areas geodesic. As approximate as the boundary and the points. Null without a boundary.',
  })
  coverageShare!: number | null
  @Field(() => Float, {
    nullable: true,
    description:
      "Share (0–1) of the region's area within coverageRadiusKm of an ACTIVE service point with a location (planned ones left out), " +
      'computed as coverageShare is. Null without a boundary.',
  })
  activeCoverageShare!: number | null
  @Field(() => Int, { description: 'Rank among the regions compared by coverageShare, highest first (null last), ties broken by code.' })
  rank!: number

  regionCode!: string
}
