import { Field, Float, InputType } from 'type-graphql'

@InputType({ description: 'A longitude/latitude box in WGS84 degrees (west, south, east, north).' })
export class BBoxInput {
  @Field(() => Float) minLng!: number
  @Field(() => Float) minLat!: number
  @Field(() => Float) maxLng!: number
  @Field(() => Float) maxLat!: number
}
