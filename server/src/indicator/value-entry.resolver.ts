/**
 * Indicator values as stewards enter them: in a named unit (the plan's display unit or the base unit),
 * converted to the base unit, with a source and a status, and plausibility warnings that must be
 * confirmed. Writes go through the one write path (`db/records/apply.ts`), in one transaction with
 * their audit entries; the confirmed warnings get an audit entry of their own in that transaction.
 */
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql'
import { applyRecords, RecordProblems, type Problem } from '../../../db/records/apply.ts'
import { writeAudit } from '../../../db/records/audit.ts'
import { findResource, keyOf } from '../../../db/records/resources.ts'
import { decimalOf, parseCell, type Values } from '../../../db/records/values.ts'
import { IndicatorValue } from '../../../schema/indicator.type.ts'
import { IndicatorValueEntry, IndicatorValueEntryInput, ViewerInfo } from '../../../schema/stewardship.type.ts'
import type { Viewer } from '../auth/authenticate.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { findIndicator, findPlanPeriod, listValuesOfIndicators } from './indicator.repository.ts'
import { plausibilityWarnings, type PlausibilityWarning } from './plausibility.ts'
import { acceptedUnits, findUnit, scaleValue } from './units.ts'
import { requireCountyScope, requireRegionScope } from '../auth/scope.ts'

const indicatorValues = findResource('indicator-values')!

/** Record field → input field, for the messages. */
const INPUT_FIELDS: Record<string, string> = {
  indicator_code: 'indicator',
  region_code: 'region',
  year: 'year',
  value: 'value',
  source: 'source',
  note: 'note',
  status: 'status',
}

/** A town's value needs that town in the viewer's scope; the county's own value, the whole county. */
function requireValueScope(viewer: Viewer, county: string, regionCode: string, what: string): void {
  if (regionCode === county) requireCountyScope(viewer, what, county)
  else requireRegionScope(viewer, regionCode, what)
}

/** BAD_USER_INPUT naming the first offending input field; all problems in `extensions.problems`. */
function inputError(problems: Problem[]): BadUserInputError {
  const named = problems.map((p) => ({ argument: `input.${(p.column && INPUT_FIELDS[p.column]) ?? 'value'}`, message: p.message }))
  return new BadUserInputError(named[0].argument, named[0].message, { problems: named })
}

interface Prepared {
  county: string
  values: Values
  entry: IndicatorValueEntry
}

async function prepare(ctx: Context, input: IndicatorValueEntryInput): Promise<Prepared> {
  const county = await resolveCounty(ctx, input.county)
  const indicator = await findIndicator(ctx.db, county, input.indicator)
  if (!indicator) throw new BadUserInputError('input.indicator', `没有指标 "${input.indicator}" / no indicator "${input.indicator}" in county ${county}`)
  const units = acceptedUnits(indicator).map((u) => u.unit)
  const unit = findUnit(indicator, input.unit)
  if (!unit) {
    throw new BadUserInputError(
      'input.unit',
      `单位 "${input.unit}" 不适用于 ${indicator.nameZh}，可用：${units.join('、')} / the unit "${input.unit}" does not fit ${indicator.nameEn}; accepted: ${units.join(', ')}`,
      { acceptedUnits: units },
    )
  }
  if (!Number.isFinite(input.value)) throw new BadUserInputError('input.value', 'must be a finite number')
  if (!input.source.trim()) throw new BadUserInputError('input.source', '须注明来源 / a source is required (a statistical bulletin, a report …)')
  const base = scaleValue(input.value, unit.factor)
  const regionCode = input.region ?? county
  const raw: Record<string, unknown> = {
    indicator_code: input.indicator,
    region_code: regionCode,
    year: input.year,
    kind: 'ACTUAL',
    value: decimalOf(base),
    source: input.source,
    note: input.note ?? null,
    status: input.status,
  }
  const problems: Problem[] = []
  const values: Values = {}
  for (const field of indicatorValues.fields) {
    if (!(field.name in raw)) continue
    values[field.name] = parseCell(field, raw[field.name], (message) => problems.push({ line: 1, column: field.name, message }))
  }
  if (problems.length) throw inputError(problems)

  const all = await listValuesOfIndicators(ctx.db, [{ countyCode: county, code: indicator.code }])
  const ofRegion = all.filter((v) => v.regionCode === regionCode)
  const pick = (kind: string) => ofRegion.find((v) => v.kind === kind)
  const warnings = plausibilityWarnings({
    indicator,
    value: base,
    year: input.year,
    baseline: pick('BASELINE'),
    target: pick('TARGET'),
    actuals: ofRegion.filter((v) => v.kind === 'ACTUAL' && v.year !== input.year),
    planPeriod: await findPlanPeriod(ctx.db, county),
  })
  return {
    county,
    values,
    entry: { baseValue: base, baseUnit: indicator.unit, enteredValue: input.value, enteredUnit: unit.unit, acceptedUnits: units, warnings, saved: null },
  }
}

/** Runs the one write path, turning its problems into BAD_USER_INPUT on the input's fields. */
async function applying<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof RecordProblems) throw inputError(error.problems)
    throw error
  }
}

function warningsError(warnings: PlausibilityWarning[]): BadUserInputError {
  const list = warnings.map((w) => `${w.code}: ${w.messageZh} / ${w.messageEn}`).join('; ')
  return new BadUserInputError('confirmWarnings', `请核对后确认（confirmWarnings: true）/ confirm after checking (confirmWarnings: true): ${list}`, {
    warnings,
  })
}

@Resolver()
export class ValueEntryResolver {
  @Query(() => IndicatorValueEntry, {
    description:
      'Checks an ACTUAL value as a form would send it, writing nothing: the value converted to the base unit, and the warnings a save would need confirmed. Bad input is refused as by enterIndicatorValue.',
  })
  async checkIndicatorValue(
    @Ctx() ctx: Context,
    @Arg('input', () => IndicatorValueEntryInput, { description: 'The value as entered.' }) input: IndicatorValueEntryInput,
  ): Promise<IndicatorValueEntry> {
    const prepared = await prepare(ctx, input)
    await applying(() =>
      applyRecords(ctx.db, indicatorValues, [{ line: 1, values: prepared.values }], { county: prepared.county, actor: 'check', dryRun: true }),
    )
    return prepared.entry
  }

  @Mutation(() => IndicatorValueEntry, {
    description:
      'Records (or corrects) an ACTUAL value entered in a named unit (editor): converted to the base unit and stored with its source and status. Implausible values are refused with BAD_USER_INPUT (argument confirmWarnings, extensions.warnings) unless confirmWarnings is true; the confirmed warnings are kept in the audit log.',
  })
  async enterIndicatorValue(
    @Ctx() ctx: Context,
    @Arg('input', () => IndicatorValueEntryInput, { description: 'The value as entered.' }) input: IndicatorValueEntryInput,
    @Arg('confirmWarnings', () => Boolean, { defaultValue: false, description: 'Save despite plausibility warnings (after checking them).' })
    confirmWarnings: boolean,
  ): Promise<IndicatorValueEntry> {
    const viewer = await ctx.auth.require('township-editor', 'enterIndicatorValue')
    const prepared = await prepare(ctx, input)
    const { county, values, entry } = prepared
    requireValueScope(viewer, county, values.region_code!, 'enterIndicatorValue')
    // Every refusal of the write path comes before the warnings: a form shows them only for a value it can save.
    await applying(() => applyRecords(ctx.db, indicatorValues, [{ line: 1, values }], { county, actor: viewer.name, dryRun: true }))
    if (entry.warnings.length && !confirmWarnings) throw warningsError(entry.warnings)
    await ctx.db.transaction().execute(async (tx) => {
      const result = await applying(() => applyRecords(tx, indicatorValues, [{ line: 1, values }], { county, actor: viewer.name }))
      if (!result.changes.length || !entry.warnings.length) return
      await writeAudit(tx, [
        {
          actor: viewer.name,
          action: 'CONFIRM_WARNINGS',
          entity: indicatorValues.entity,
          entityId: keyOf(indicatorValues, values),
          before: null,
          after: { entered: `${entry.enteredValue} ${entry.enteredUnit}`, baseValue: entry.baseValue, warnings: entry.warnings },
        },
      ])
    })
    const stored = await listValuesOfIndicators(ctx.db, [{ countyCode: county, code: input.indicator }])
    const saved: IndicatorValue = stored.find((v) => v.regionCode === values.region_code && v.year === input.year && v.kind === 'ACTUAL')!
    return { ...entry, saved }
  }

  @Query(() => ViewerInfo, { nullable: true, description: 'Who is asking (the holder of the token or session sent); null when anonymous.' })
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo | null> {
    const viewer = await ctx.auth.viewer()
    return viewer ? { name: viewer.publicLabel, role: viewer.role } : null
  }
}
