import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { Accumulation, Comparator, IndicatorCategory, IndicatorNature, IndicatorRelationKind, ValueKind, ValueStatus } from './enums.ts'

@ObjectType({ simpleResolvers: true, description: 'One value of an indicator: a baseline, milestone, target or actual, for a region and year.' })
export class IndicatorValue {
  @Field(() => Int, { description: 'The year the value is for.' }) year!: number
  @Field(() => ValueKind, { description: 'Baseline, milestone, target or actual.' }) kind!: ValueKind
  @Field(() => Float, { description: "The value in the indicator's base unit (元, not 万元 or 亿; a percentage as a number of percent)." })
  value!: number
  @Field(() => Float, { nullable: true, description: 'Upper end of a RANGE target (e.g. 15 for 10-15); null otherwise.' })
  valueMax!: number | null
  @Field(() => String, {
    description: 'Where the value comes from (section or table of the plan, or the import that recorded it), as written: locators in English.',
  })
  source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null
  @Field(() => String, { nullable: true, description: 'A data note in English, e.g. where the plan is inconsistent.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null
  @Field(() => ValueStatus, {
    nullable: true,
    description: "PROVISIONAL, FINAL or REVISED; null: not stated (the plan's own figures, values recorded without one).",
  })
  status!: ValueStatus | null

  indicatorCode!: string
  countyCode!: string
  regionCode!: string
}

@ObjectType({ simpleResolvers: true, description: 'A quantitative goal of the plan, with its baseline, milestones and target.' })
export class Indicator {
  @Field(() => ID, { description: 'Stable code, unique within its county.' }) code!: string
  @Field(() => String, { description: 'Name in Chinese.' }) nameZh!: string
  @Field(() => String, { description: 'Name in English (pinyin for places).' }) nameEn!: string
  @Field(() => String, { description: 'Base unit of every value (件, 家, 个, 元, %, 人次, 次, 场次).' }) unit!: string
  @Field(() => String, { description: 'Unit the plan writes the values in (e.g. 亿元, 万元).' }) displayUnit!: string
  @Field(() => Float, { description: "Base units per display unit (e.g. 100000000 for 亿元): value / displayFactor is the plan's figure." })
  displayFactor!: number
  @Field(() => IndicatorCategory, { description: "The plan's area of work the indicator belongs to." }) category!: IndicatorCategory
  @Field(() => IndicatorNature, { nullable: true, description: 'EXPECTED (预期性) or BINDING (约束性) where the plan says.' })
  nature!: IndicatorNature | null
  @Field(() => Accumulation, { nullable: true, description: 'How values over years relate; null where the plan does not say.' })
  accumulation!: Accumulation | null
  @Field(() => Comparator, { nullable: true, description: 'How the plan phrases the target (以上, 超, 达到, 10-15).' })
  comparator!: Comparator | null
  @Field(() => Int, { nullable: true, description: "Row of the plan's 2026 indicator table (2026年知识产权发展指标)." })
  planTableRow!: number | null
  @Field(() => Int, { nullable: true, description: "Row number (序号) in the plan's timeline annex (附件2); the annex has no row 6." })
  planAnnexRow!: number | null
  @Field(() => String, { description: 'Where the indicator comes from in the plan, as written: locators in English ("附件2 row 8").' }) source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null
  @Field(() => String, { nullable: true, description: 'A data note in English, e.g. where the plan is inconsistent.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null

  countyCode!: string
}

@ObjectType({
  simpleResolvers: true,
  description: 'Another series of the plan related to an indicator (the relation is symmetric: each lists the other), with how the two differ.',
})
export class RelatedIndicator {
  @Field(() => Indicator, { description: 'The related series.' }) indicator!: Indicator
  @Field(() => IndicatorRelationKind, { description: 'How the two series relate.' }) kind!: IndicatorRelationKind
  @Field(() => String, { description: 'How the two differ, and where the plan is inconsistent, in English.' }) note!: string
  @Field(() => String, { description: 'The same note in Chinese (中文说明).' }) noteZh!: string
  @Field(() => String, { description: 'Where the relation comes from in the plan (its table and annex rows), locators in English.' }) source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null

  /** The indicator whose `related` lists this one. */
  fromCode!: string
  countyCode!: string
}
