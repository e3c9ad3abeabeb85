import { Field, ID, Int, ObjectType } from 'type-graphql'

@ObjectType({ description: 'A licence the dataset is published under.' })
export class License {
  @Field(() => String) name!: string
  @Field(() => String, { nullable: true }) title!: string | null
  @Field(() => String, { nullable: true }) path!: string | null
  @Field(() => String, { nullable: true, description: 'Which part of the dataset the licence covers.' }) scope!: string | null
}

@ObjectType({ description: 'A source the dataset draws on.' })
export class DataSource {
  @Field(() => String) title!: string
  @Field(() => String, { nullable: true }) description!: string | null
  @Field(() => String, { nullable: true }) path!: string | null
}

@ObjectType({ description: 'A resource (table or GeoJSON file) of a dataset and how many records it holds.' })
export class DatasetResource {
  @Field(() => String) name!: string
  @Field(() => String, { nullable: true }) title!: string | null
  @Field(() => String) format!: string
  @Field(() => Int, { nullable: true, description: 'Rows loaded from the resource; null for GeoJSON resources.' }) rowCount!: number | null
}

@ObjectType({ description: 'One county\'s open data package, as loaded.' })
export class Dataset {
  @Field(() => ID) id!: string
  @Field(() => String) title!: string
  @Field(() => String, { nullable: true }) description!: string | null
  @Field(() => [License]) licenses!: License[]
  @Field(() => [DataSource]) sources!: DataSource[]
  @Field(() => [DatasetResource]) resources!: DatasetResource[]
  @Field(() => String, { description: 'When the package was loaded (ISO 8601).' }) created!: string
  @Field(() => String, { description: 'When the data last changed (ISO 8601).' }) updated!: string

  countyCode!: string
}
