import { Field, ID, Int, ObjectType } from 'type-graphql'
import { AssessmentStatus } from './enums.ts'

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
