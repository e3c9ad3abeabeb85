/** Inputs and answers of the stewards' entry forms: indicator values in the plan's units, task statuses. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql'
import { PlausibilityWarningCode, TaskStatus, ValueStatus } from './enums.ts'
import { IndicatorValue } from './indicator.type.ts'

@InputType({ description: "An ACTUAL value of an indicator as a steward types it: in a named unit (the plan's display unit, or the base unit)." })
export class IndicatorValueEntryInput {
  @Field(() => ID, { description: 'Indicator code.' }) indicator!: string
  @Field(() => ID, { nullable: true, description: 'Region code (the county or a town); defaults to the county itself.' }) region?: string | null
  @Field(() => Int, { description: 'The year the value is for.' }) year!: number
  @Field(() => Float, { description: 'The value in `unit`.' }) value!: number
  @Field(() => String, {
    description: "The unit of `value`: the indicator's display unit (亿元, 万元, 件, % …), its base unit, or the base unit with 万 (or 亿 for 元).",
  })
  unit!: string
  @Field(() => String, { description: 'Where the figure comes from (a statistical bulletin, a report …); required.' }) source!: string
  @Field(() => ValueStatus, { description: 'PROVISIONAL, FINAL or REVISED (a REVISED value needs a note).' }) status!: ValueStatus
  @Field(() => String, { nullable: true, description: 'Caveats; required for a REVISED value (what changed and why).' }) note?: string | null
  @Field(() => ID, { nullable: true, description: "County; defaults to the platform's default county." }) county?: string | null
}

@ObjectType({ simpleResolvers: true, description: 'Why an entered value looks implausible, in Chinese and in English, with the figures.' })
export class PlausibilityWarning {
  @Field(() => PlausibilityWarningCode, { description: 'What kind of doubt.' }) code!: PlausibilityWarningCode
  @Field(() => String, { description: 'The warning in Chinese.' }) messageZh!: string
  @Field(() => String, { description: 'The warning in English.' }) messageEn!: string
}

@ObjectType({
  simpleResolvers: true,
  description: 'An entered value converted to the base unit, with the warnings to confirm; `saved` is the stored value once written.',
})
export class IndicatorValueEntry {
  @Field(() => Float, { description: 'The value as stored, in the base unit.' }) baseValue!: number
  @Field(() => String, { description: "The indicator's base unit." }) baseUnit!: string
  @Field(() => Float, { description: 'The value as entered.' }) enteredValue!: number
  @Field(() => String, { description: 'The unit it was entered in.' }) enteredUnit!: string
  @Field(() => [String], { description: 'Units this indicator accepts, the display unit first.' }) acceptedUnits!: string[]
  @Field(() => [PlausibilityWarning], { description: 'Warnings to confirm (confirmWarnings: true) before the value is saved; empty when none.' })
  warnings!: PlausibilityWarning[]
  @Field(() => IndicatorValue, { nullable: true, description: 'The stored value (null for a check).' }) saved!: IndicatorValue | null
}

@InputType({ description: 'A progress report on a plan task, for the task as a whole or for one of its responsible units.' })
export class PlanTaskStatusInput {
  @Field(() => ID, { description: 'Task code, e.g. 4.2.1.' }) task!: string
  @Field(() => ID, { nullable: true, description: 'Code of the responsible unit reporting, where the plan names several; null: the task as a whole.' })
  department?: string | null
  @Field(() => TaskStatus, { description: 'NOT_STARTED, IN_PROGRESS or DONE.' }) status!: TaskStatus
  @Field(() => String, { description: 'Date of the status, YYYY-MM-DD (not in the future).' }) date!: string
  @Field(() => String, { nullable: true, description: 'Short progress note, at most 500 characters.' }) note?: string | null
  @Field(() => String, { nullable: true, description: 'Evidence: an http(s) link (a notice, a report).' }) evidenceUrl?: string | null
  @Field(() => ID, { nullable: true, description: "County; defaults to the platform's default county." }) county?: string | null
}

@ObjectType({
  simpleResolvers: true,
  description: 'The latest reported status of a task, for the task as a whole or one responsible unit. Who reported it: the audit log.',
})
export class TaskProgress {
  @Field(() => TaskStatus, { description: 'NOT_STARTED, IN_PROGRESS or DONE.' }) status!: TaskStatus
  @Field(() => String, { description: 'Date of the status (YYYY-MM-DD).' }) date!: string
  @Field(() => String, { nullable: true, description: 'Progress note.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'Evidence link (http or https).' }) evidenceUrl!: string | null

  countyCode!: string
  taskCode!: string
  /** Null: the task as a whole. */
  departmentCode!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'Who is asking: the signed-in user or the token holder.' })
export class ViewerInfo {
  @Field(() => String, { description: 'Name (the actor in the audit log).' }) name!: string
  @Field(() => String, { description: 'Role: viewer, editor or admin.' }) role!: string
}
