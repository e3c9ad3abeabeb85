import { Field, ID, Int, ObjectType } from 'type-graphql'
import { DepartmentKind } from './enums.ts'

@ObjectType({ simpleResolvers: true, description: 'A key task (四、重点工作) or safeguard (五、保障措施) of the plan.' })
export class Task {
  @Field(() => ID, { description: "Code from the plan's numbering: 4.2.1 is 四（二）1; 5.1 is 五（一）." }) code!: string
  @Field(() => String, { description: 'Part of the plan, e.g. 四、重点工作.' }) part!: string
  @Field(() => String, { nullable: true, description: 'Section label, e.g. （二）.' }) sectionLabel!: string | null
  @Field(() => String, { nullable: true, description: 'Section heading.' }) sectionTitle!: string | null
  @Field(() => Int, { nullable: true, description: 'Item number within the section.' }) number!: number | null
  @Field(() => String, { description: "Title: the task's first sentence." }) title!: string
  @Field(() => String, { description: "The task's text as the plan writes it." }) text!: string
  @Field(() => String, { nullable: true, description: "The plan's responsibility note, verbatim (责任单位：…)." })
  responsibilityAsWritten!: string | null
  @Field(() => String, { description: 'Where the record comes from: a section of the plan, as written (remarks in English).' }) source!: string
  @Field(() => String, {
    nullable: true,
    description: 'The same source in Chinese (来源，定位与说明为中文); null where `source` is Chinese already (show `source`).',
  })
  sourceZh!: string | null

  countyCode!: string
  /** Order in the plan. */
  position!: number
}

@ObjectType({ simpleResolvers: true, description: 'A body the plan names: the leading group, its office, a government unit or the townships together.' })
export class Department {
  @Field(() => ID, { description: 'Stable code, unique within its county.' }) code!: string
  @Field(() => String, { description: "Name as the plan's member list spells it." }) nameZh!: string
  @Field(() => String, { description: 'Name in English (pinyin for places).' }) nameEn!: string
  @Field(() => DepartmentKind, { description: 'Kind of body.' }) kind!: DepartmentKind
  @Field(() => [String], { description: 'Other spellings the plan uses for the same body.' }) aliases!: string[]
  @Field(() => String, { description: 'Where the record comes from: a section or table of the plan, or a public source.' }) source!: string
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null when there are none.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null

  countyCode!: string
  memberOfCode!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'A body responsible for a task, with the words the plan uses for it.' })
export class Responsibility {
  @Field(() => Department, { description: 'The responsible body.' }) department!: Department
  @Field(() => String, { description: 'The body as the plan writes it in that task, e.g. 领导小组各成员单位.' }) asWritten!: string
}
