import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { PopulationKind, ValueStatus } from './enums.ts'
import { Indicator } from './indicator.type.ts'

const RANK =
  "Rank among the county's towns that have a value (and, for a per-capita figure, a population of comparedPopulationYear and " +
  'comparedPopulationKind), highest value first; equal values share a rank (1, 1, 3). Null without a value or when left out of the ranking.'
const MEDIAN = 'Median of the ranked towns’ values (the mean of the middle two for an even count); null when no town is ranked.'

@ObjectType({
  simpleResolvers: true,
  description:
    "One of a town's figures in context: its value beside the county's own value, the median of the county's towns that have a value, " +
    "and the town's rank among them. Unknown values are null, never 0.",
})
export class FigureContext {
  @Field(() => String, {
    description:
      'The figure, named as the field of RegionComparison it is (servicePointCount, servicePointsPer10k, servicePointsPer100Km2, coverageShare, ' +
      'activeCoverageShare, giProductCount, population, areaKm2), computed as that field is.',
  })
  metric!: string
  @Field(() => Float, { nullable: true, description: "The town's value; null when unknown (e.g. no population)." }) value!: number | null
  @Field(() => Float, {
    nullable: true,
    description:
      'The county as a whole (its own population, every station of it, its area); null for giProductCount (a product’s origin spans towns: ' +
      'the county has no count of its own to set beside them) or when unknown.',
  })
  countyValue!: number | null
  @Field(() => Float, { nullable: true, description: MEDIAN }) median!: number | null
  @Field(() => Int, { nullable: true, description: RANK }) rank!: number | null
  @Field(() => Int, { description: 'How many towns are ranked (the n of "3rd of n").' }) rankedCount!: number
  @Field(() => Int, { description: 'How many of the county’s towns have a value.' }) withValueCount!: number
  @Field(() => Int, { description: "The county's towns (in its statistics), with or without a value." }) regionCount!: number
  @Field(() => Boolean, {
    description: 'The town has a value but is left out of the ranking and the median: a per-capita figure over a population of another year or kind.',
  })
  excluded!: boolean
  @Field(() => Int, { nullable: true, description: 'Per-capita figures: the population year compared; null otherwise or when no two towns share one.' })
  comparedPopulationYear!: number | null
  @Field(() => PopulationKind, { nullable: true, description: 'Per-capita figures: the population kind compared; null otherwise.' })
  comparedPopulationKind!: PopulationKind | null
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A town's latest ACTUAL of an indicator in context: beside the county's ACTUAL of the same year, the median of the towns with an ACTUAL " +
    'of that year, and the town’s rank among them.',
})
export class IndicatorContext {
  @Field(() => ID, { description: "The indicator's code." }) indicatorCode!: string
  @Field(() => Indicator, { description: 'The indicator.' }) indicator!: Indicator
  @Field(() => Int, { description: "The year of the town's latest ACTUAL: every other figure is of that year." }) year!: number
  @Field(() => Float, { description: "The town's ACTUAL, in the indicator's base unit." }) value!: number
  @Field(() => ValueStatus, { nullable: true, description: "The town's ACTUAL's status; null when not stated." }) status!: ValueStatus | null
  @Field(() => Float, { nullable: true, description: "The county's own ACTUAL of that year; null when none is recorded." }) countyValue!: number | null
  @Field(() => Float, { nullable: true, description: MEDIAN }) median!: number | null
  @Field(() => Int, { nullable: true, description: "Rank among the county's towns with an ACTUAL of that year, highest value first; ties share a rank." })
  rank!: number | null
  @Field(() => Int, { description: 'How many towns have an ACTUAL of that year (all are ranked).' }) rankedCount!: number
  @Field(() => Int, { description: "The county's towns (in its statistics), with or without a value." }) regionCount!: number
}
