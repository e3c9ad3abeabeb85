import { Field, ID, Int, ObjectType } from 'type-graphql'
import { AssessmentStatus, ValueStatus } from './enums.ts'
import { Indicator } from './indicator.type.ts'
import { Region } from './region.type.ts'

@ObjectType({ simpleResolvers: true, description: 'How many indicators have a county actual for a year.' })
export class YearReporting {
  @Field(() => Int, { description: 'The year.' }) year!: number
  @Field(() => Int, { description: 'Indicators with an ACTUAL of the county for the year.' }) reported!: number
  @Field(() => Int, { description: 'Indicators whose plan has a milestone or target in the year.' }) expected!: number
}

@ObjectType({ simpleResolvers: true, description: 'How many indicators stand in one assessment status.' })
export class StatusCount {
  @Field(() => AssessmentStatus, { description: 'The status.' }) status!: AssessmentStatus
  @Field(() => Int, { description: 'Indicators of the county in it.' }) count!: number
}

@ObjectType({ simpleResolvers: true, description: 'A plan year that has ended without a county actual.' })
export class OverdueReport {
  @Field(() => ID, { description: "The indicator's code." }) indicatorCode!: string
  @Field(() => Int, { description: 'The milestone or target year.' }) year!: number
}

@ObjectType({ simpleResolvers: true, description: 'An actual that a region below the county has reported.' })
export class RegionReport {
  @Field(() => ID, { description: "The indicator's code." }) indicatorCode!: string
  @Field(() => ID, { description: "The region's code." }) regionCode!: string
  @Field(() => Int, { description: 'The year of the value.' }) year!: number
  @Field(() => ValueStatus, { nullable: true, description: 'PROVISIONAL, FINAL or REVISED; null when not stated.' }) status!: ValueStatus | null
}

@ObjectType({
  simpleResolvers: true,
  description: "What has been reported of a county's indicators: per year, per assessment status, what is overdue, and what each town reported.",
})
export class ReportingStatus {
  @Field(() => Int, { description: "Indicators of the county's plan." }) indicatorCount!: number
  @Field(() => [YearReporting], { description: 'Per year of the plan (and any year with an actual), by year.' }) years!: YearReporting[]
  @Field(() => [StatusCount], { description: 'Indicators per assessment status of the county (every status, zeros included).' })
  statusCounts!: StatusCount[]
  @Field(() => [OverdueReport], { description: 'Plan years that have ended (before asOfYear) with no county actual, by indicator order and year.' })
  overdue!: OverdueReport[]
  @Field(() => [RegionReport], { description: 'Every actual reported for a region below the county: the indicators × towns × years matrix, sparse.' })
  regionReports!: RegionReport[]
}

@ObjectType({ simpleResolvers: true, description: 'A year a town has an ACTUAL for, with its status.' })
export class YearReport {
  @Field(() => Int, { description: 'The year of the value.' }) year!: number
  @Field(() => ValueStatus, { nullable: true, description: 'PROVISIONAL, FINAL or REVISED; null when not stated.' }) status!: ValueStatus | null
}

@ObjectType({ simpleResolvers: true, description: "One town's reports of one indicator." })
export class ReportingCell {
  @Field(() => ID, { description: "The town's code." }) regionCode!: string
  @Field(() => [YearReport], { description: 'The years with an ACTUAL, ascending; empty: nothing reported (未报送).' }) reports!: YearReport[]
}

@ObjectType({ simpleResolvers: true, description: "One indicator's row of the reporting matrix." })
export class ReportingMatrixRow {
  @Field(() => Indicator, { description: 'The indicator.' }) indicator!: Indicator
  @Field(() => Boolean, {
    description: "A count or an amount, so the towns' values can add up to the county's (not a percentage or a per-10 000-people figure).",
  })
  additive!: boolean
  @Field(() => Boolean, { description: 'At least one town has an ACTUAL of it.' }) hasTownValues!: boolean
  @Field(() => [ReportingCell], { description: 'One cell per town, in the order of ReportingMatrix.regions.' }) cells!: ReportingCell[]
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What each town has reported: indicators × towns × years. Rows: the indicators a town value can add up for (counts and amounts), ' +
    'and any other a town has reported anyway; rates, shares and per-capita figures without a town value are in leftOut.',
})
export class ReportingMatrix {
  @Field(() => [Int], { description: "The plan's years (baseline, milestones, target) and every year a town reported, ascending." }) years!: number[]
  @Field(() => [Region], { description: "The county's towns (its children, in its statistics), by code: the columns." }) regions!: Region[]
  @Field(() => [ReportingMatrixRow], { description: "The rows, in the plan's order." }) rows!: ReportingMatrixRow[]
  @Field(() => [Indicator], { description: "Indicators left out (no town value, and not a count or an amount), in the plan's order." })
  leftOut!: Indicator[]
}
