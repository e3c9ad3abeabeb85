import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql'
import { IndicatorCategory, Lang, ValueKind } from '../../../schema/enums.ts'
import { Assessment } from '../../../schema/assessment.type.ts'
import { Indicator, IndicatorValue, RelatedIndicator } from '../../../schema/indicator.type.ts'
import { Region } from '../../../schema/region.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { NotFoundError } from '../errors.ts'
import { findIndicator, listIndicators } from './indicator.repository.ts'
import { assess } from './assessment.ts'
import { latestActual, onTrack, progress } from './progress.ts'

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => [Indicator], { description: "Every indicator of the county's plan, in the plan's order." })
  async indicators(
    @Ctx() ctx: Context,
    @Arg('category', () => IndicatorCategory, { nullable: true, description: 'Only this area of work.' }) category?: IndicatorCategory | null,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
  ): Promise<Indicator[]> {
    return listIndicators(ctx.db, { county: await resolveCounty(ctx, county), category })
  }

  @Query(() => Indicator, { nullable: true, description: 'One indicator by code; null when unknown.' })
  async indicator(
    @Ctx() ctx: Context,
    @Arg('code', () => ID, { description: "The indicator's code, e.g. invention-patents-in-force." }) code: string,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." }) county?: string | null,
  ): Promise<Indicator | null> {
    return (await findIndicator(ctx.db, await resolveCounty(ctx, county), code)) ?? null
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (Chinese by default; English is pinyin for places).' })
  name(@Root() indicator: Indicator, @Arg('lang', () => Lang, { defaultValue: Lang.ZH, description: 'ZH (default) or EN.' }) lang: Lang): string {
    return lang === Lang.EN ? indicator.nameEn : indicator.nameZh
  }

  /** Values recorded for the county as a whole (the plan's figures are county-wide). */
  private async countyValues(indicator: Indicator, ctx: Context, kind: ValueKind): Promise<IndicatorValue[]> {
    const values = await ctx.loaders.valuesOfIndicator.load(indicator)
    return values.filter((v) => v.kind === kind && v.regionCode === indicator.countyCode)
  }

  @FieldResolver(() => IndicatorValue, { nullable: true, description: "The county's baseline (the plan's 2023 figure); null when the plan gives none." })
  async baseline(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorValue | null> {
    return (await this.countyValues(indicator, ctx, ValueKind.BASELINE)).at(-1) ?? null
  }

  @FieldResolver(() => IndicatorValue, { nullable: true, description: "The county's target (2026); null when the plan gives none." })
  async target(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorValue | null> {
    return (await this.countyValues(indicator, ctx, ValueKind.TARGET)).at(-1) ?? null
  }

  @FieldResolver(() => [IndicatorValue], { description: "The county's yearly milestones from the plan's timeline annex, by year." })
  milestones(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorValue[]> {
    return this.countyValues(indicator, ctx, ValueKind.MILESTONE)
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Recorded actual values for a region (default: the county), by year.' })
  async actuals(
    @Root() indicator: Indicator,
    @Ctx() ctx: Context,
    @Arg('region', () => ID, { nullable: true, description: "Region code; defaults to the indicator's county." }) region?: string | null,
  ): Promise<IndicatorValue[]> {
    const values = await ctx.loaders.valuesOfIndicator.load(indicator)
    const regionCode = region ?? indicator.countyCode
    return values.filter((v) => v.kind === ValueKind.ACTUAL && v.regionCode === regionCode)
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Every value of the indicator, for every region, by year, kind and region.' })
  values(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorValue[]> {
    return ctx.loaders.valuesOfIndicator.load(indicator)
  }

  @FieldResolver(() => [RelatedIndicator], {
    description:
      "Other series of the plan that measure the same thing on a different basis (kept apart, not merged), each with a note in English and Chinese on how they differ; in the plan's order.",
  })
  related(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<RelatedIndicator[]> {
    return ctx.loaders.relatedOfIndicator.load(indicator)
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      '(latest actual − baseline) / (target − baseline), for the county: 0 at the baseline, 1 at the target. ' +
      'Null without an actual, a baseline or a target, or when the target equals the baseline.',
  })
  async progress(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<number | null> {
    return progress(await ctx.loaders.valuesOfIndicator.load(indicator), indicator.countyCode)
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the county's latest actual reaches that year's milestone (≥; above it for a MORE_THAN target; within a range). " +
      'Null when there is no actual or no milestone for its year.',
  })
  async onTrack(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<boolean | null> {
    return onTrack(await ctx.loaders.valuesOfIndicator.load(indicator), indicator.countyCode, indicator.comparator)
  }

  @FieldResolver(() => Assessment, {
    description:
      'Whether the region (default: the county) is on track for the target: observed against required annual rate, the milestone ' +
      "of the latest actual's year, the rate still needed and the year the target is reached at the observed pace.",
  })
  async assessment(
    @Root() indicator: Indicator,
    @Ctx() ctx: Context,
    @Arg('region', () => ID, { nullable: true, description: "Region code; defaults to the indicator's county." }) region?: string | null,
  ): Promise<Assessment> {
    return assess(indicator, await ctx.loaders.valuesOfIndicator.load(indicator), region ?? indicator.countyCode)
  }

  @FieldResolver(() => IndicatorValue, { nullable: true, description: "The county's most recent actual value; null when none is recorded." })
  async latestActual(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<IndicatorValue | null> {
    return latestActual(await ctx.loaders.valuesOfIndicator.load(indicator), indicator.countyCode) ?? null
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => Region, { description: 'The region the value is for.' })
  async region(@Root() value: IndicatorValue, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(value.regionCode)
    if (!region) throw new NotFoundError('Region', value.regionCode)
    return region
  }
}
