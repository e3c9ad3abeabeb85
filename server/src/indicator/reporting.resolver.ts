import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import { ReportingStatus } from '../../../schema/reporting.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { listIndicators } from './indicator.repository.ts'
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
}
