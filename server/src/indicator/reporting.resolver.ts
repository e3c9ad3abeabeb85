import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import { ReportingMatrix, ReportingStatus } from '../../../schema/reporting.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { listIndicators } from './indicator.repository.ts'
import { listRegions } from '../region/region.repository.ts'
import { reportingMatrix } from './reporting-matrix.ts'
import { reportingStatus } from './reporting.ts'

@Resolver()
export class ReportingResolver {
  @Query(() => ReportingStatus, { description: "What has been reported of the county's indicators, and what is overdue." })
  async reportingStatus(
    @Ctx() ctx: Context,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." }) county?: string | null,
    @Arg('asOfYear', () => Int, {
      nullable: true,
      description: "The current year (default: this year by the server's clock): a plan year before it is overdue without an actual.",
    })
    asOfYear?: number | null,
  ): Promise<ReportingStatus> {
    if (asOfYear != null && (asOfYear < 1900 || asOfYear > 2200)) throw new BadUserInputError('asOfYear', 'must be a year between 1900 and 2200')
    const indicators = await listIndicators(ctx.db, { county: await resolveCounty(ctx, county) })
    const values = await Promise.all(indicators.map((i) => ctx.loaders.valuesOfIndicator.load(i)))
    const byIndicator = new Map(indicators.map((i, n) => [i, values[n]]))
    return reportingStatus(indicators, (i) => byIndicator.get(i)!, asOfYear ?? new Date().getFullYear())
  }

  @Query(() => ReportingMatrix, {
    description:
      "What each of the county's towns has reported: per indicator, per town, the years with an ACTUAL and each one's status " +
      '(PROVISIONAL, FINAL, REVISED). Rows are the indicators a town value adds up for (counts and amounts) and any other a town reported.',
  })
  async reportingMatrix(
    @Ctx() ctx: Context,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." }) county?: string | null,
  ): Promise<ReportingMatrix> {
    const code = await resolveCounty(ctx, county)
    const [indicators, regions] = await Promise.all([listIndicators(ctx.db, { county: code }), listRegions(ctx.db, { county: code })])
    for (const r of regions) ctx.loaders.region.prime(r.code, r)
    const values = await Promise.all(indicators.map((i) => ctx.loaders.valuesOfIndicator.load(i)))
    const byIndicator = new Map(indicators.map((i, n) => [i, values[n]]))
    const matrix = reportingMatrix(
      indicators,
      (i) => byIndicator.get(i)!,
      regions.map((r) => r.code),
    )
    return { ...matrix, regions }
  }
}
