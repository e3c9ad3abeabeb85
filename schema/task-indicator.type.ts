import { Field, ObjectType } from 'type-graphql'
import { Indicator } from './indicator.type.ts'
import { Task } from './plan.type.ts'

@ObjectType({
  simpleResolvers: true,
  description: "A task's tie to an indicator it serves, where the plan's text makes it; `source` quotes the task's words (「…」) and says why.",
})
export class TaskIndicatorLink {
  @Field(() => Task, { description: 'The task.' }) task!: Task
  @Field(() => Indicator, { description: 'The indicator the task serves.' }) indicator!: Indicator
  @Field(() => String, {
    description: "Where the plan ties them: the task's item, its words quoted (「…」) and why, e.g. 四、重点工作（二）2：「推动高新技术企业提档晋级」 · ….",
  })
  source!: string
  @Field(() => String, { nullable: true, description: 'The same basis in Chinese (依据，中文); null where `source` is Chinese already.' })
  sourceZh!: string | null
}
