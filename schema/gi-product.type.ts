import { Field, ID, ObjectType } from 'type-graphql'
import { GeometryQuality, GIStatus } from './enums.ts'

@ObjectType({ description: 'A geographical-indication (GI) product, protected or being cultivated.' })
export class GIProduct {
  @Field(() => ID) code!: string
  @Field(() => String) nameZh!: string
  @Field(() => String) nameEn!: string
  @Field(() => String) categoryZh!: string
  @Field(() => String) categoryEn!: string
  @Field(() => GIStatus) status!: GIStatus
  @Field(() => GeometryQuality, {
    description: 'Quality of the origin area: APPROXIMATE when it is the union of its origin townships\' (schematic) boundaries; NONE when unknown.',
  })
  originAreaQuality!: GeometryQuality
  @Field(() => String) source!: string
  @Field(() => String, { nullable: true }) note!: string | null

  countyCode!: string
}
