import { Field, ID, Int, ObjectType } from 'type-graphql'

@ObjectType({ simpleResolvers: true, description: 'A licence the dataset is published under.' })
export class License {
  @Field(() => String, { description: 'Licence identifier (SPDX where there is one), e.g. CC-BY-4.0.' }) name!: string
  @Field(() => String, { nullable: true, description: 'Licence title or terms.' }) title!: string | null
  @Field(() => String, { nullable: true, description: 'URL of the licence text.' }) path!: string | null
  @Field(() => String, { nullable: true, description: 'Which part of the dataset the licence covers.' }) scope!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'A source the dataset draws on.' })
export class DataSource {
  @Field(() => String, { description: 'Title of the source, "中文 · English" where the package gives both (split at the first " · ").' }) title!: string
  @Field(() => String, { nullable: true, description: 'What the dataset takes from it.' }) description!: string | null
  @Field(() => String, { nullable: true, description: 'Where to find it, when it has an address.' }) path!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'A resource (table or GeoJSON file) of a dataset and how many records it holds.' })
export class DatasetResource {
  @Field(() => String, { description: 'Resource name, e.g. service-points.' }) name!: string
  @Field(() => String, { nullable: true, description: 'What the resource holds.' }) title!: string | null
  @Field(() => String, { description: 'File format: csv or geojson.' }) format!: string
  @Field(() => Int, { nullable: true, description: 'Rows loaded from the resource; null for GeoJSON resources.' }) rowCount!: number | null
}

@ObjectType({ simpleResolvers: true, description: "One county's open data package, as loaded." })
export class Dataset {
  @Field(() => ID, { description: "The data package's name, e.g. xinzheng-ip." }) id!: string
  @Field(() => String, { description: 'Title of the dataset.' }) title!: string
  @Field(() => String, { nullable: true, description: 'What the dataset holds.' }) description!: string | null
  @Field(() => [License], { description: 'Licences, each with the part it covers.' }) licenses!: License[]
  @Field(() => [DataSource], { description: 'Sources the data is drawn from.' }) sources!: DataSource[]
  @Field(() => [DatasetResource], { description: 'Tables and files of the dataset with live row counts.' }) resources!: DatasetResource[]
  @Field(() => String, { description: 'When the package was loaded (ISO 8601).' }) created!: string
  @Field(() => String, { description: 'When the data last changed (ISO 8601).' }) updated!: string

  countyCode!: string
}
