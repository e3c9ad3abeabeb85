import { Field, Float, InputType } from 'type-graphql'

@InputType({ description: 'A longitude/latitude box in WGS84 degrees (west, south, east, north).' })
export class BBoxInput {
  @Field(() => Float, { description: 'West edge, longitude in degrees.' }) minLng!: number
  @Field(() => Float, { description: 'South edge, latitude in degrees.' }) minLat!: number
  @Field(() => Float, { description: 'East edge, longitude in degrees.' }) maxLng!: number
  @Field(() => Float, { description: 'North edge, latitude in degrees.' }) maxLat!: number
}
