import { Field, ID, ObjectType } from 'type-graphql'
import { GeometryQuality, GIStatus } from './enums.ts'

@ObjectType({ simpleResolvers: true, description: 'A geographical-indication (GI) product, protected or being cultivated.' })
export class GIProduct {
  @Field(() => ID, { description: 'Stable code, unique within its county.' }) code!: string
  @Field(() => String, { description: 'Name in Chinese.' }) nameZh!: string
  @Field(() => String, { description: 'Name in English (pinyin for places).' }) nameEn!: string
  @Field(() => String, { description: 'Product category in Chinese.' }) categoryZh!: string
  @Field(() => String, { description: 'Product category in English.' }) categoryEn!: string
  @Field(() => GIStatus, { description: 'Protection status of the geographical indication.' }) status!: GIStatus
  @Field(() => GeometryQuality, {
    description: "Quality of the origin area: APPROXIMATE when it is the union of its origin townships' (schematic) boundaries; NONE when unknown.",
  })
  originAreaQuality!: GeometryQuality
  @Field(() => String, { description: 'Where the record comes from: a section or table of the plan, or a public source.' }) source!: string
  @Field(() => String, { nullable: true, description: 'Caveats about the record, in English; null when there are none.' }) note!: string | null
  @Field(() => String, { nullable: true, description: 'The same note in Chinese (中文说明); null where none was written (show `note`, marked as English).' })
  noteZh!: string | null

  countyCode!: string
}
