import { Field, ID, Int, ObjectType } from 'type-graphql'
import { JSONScalar } from './scalars.ts'
import { PageInfo } from './service-point.type.ts'

@ObjectType({ simpleResolvers: true, description: 'One change to the data: who made it, when, and the record before and after.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Increasing with time.' }) id!: string
  @Field(() => String, {
    description:
      "Who made the change, as the public may see it: for a change made with an API token, the token's purpose " +
      "(`API token #<id>` for a token made before purposes), or its holder's name only when the holder chose to be named " +
      '(`npm run token -- create … --show-name`); `import:<file>` for an import, `cli:token` for token management.',
  })
  actor!: string
  @Field(() => String, { description: 'INSERT, UPDATE, DELETE; IMPORT for a whole file or data package; CREATE_TOKEN, REVOKE_TOKEN.' })
  action!: string
  @Field(() => String, {
    description:
      'The table: region (attributes, seat and boundary), region_name, indicator, indicator_value, gi_product, gi_product_region, service_point, department, task, task_department, dataset, api_token.',
  })
  entity!: string
  @Field(() => ID, {
    description:
      "The record's key; parts of a composite key are joined by / (indicator_value: indicator/region/year/kind). For api_token entries, " +
      "the token's public label (as in actor), and before/after leave out the holder's name unless the holder chose to be named.",
  })
  entityId!: string
  @Field(() => String, { description: 'When (ISO 8601).' }) at!: string
  @Field(() => JSONScalar, {
    nullable: true,
    description: "The record before the change, in the download's field names (geometry as GeoJSON); null for an insert.",
  })
  before!: unknown
  @Field(() => JSONScalar, { nullable: true, description: 'The record after the change; null for a delete.' })
  after!: unknown
  @Field(() => ID, { nullable: true, description: 'For a revert: the id of the entry it undoes.' }) reverts!: string | null
  @Field(() => String, { nullable: true, description: 'For a revert: why it was made.' }) reason!: string | null
}

@ObjectType({ simpleResolvers: true, description: 'An edge of a Relay connection of audit entries.' })
export class AuditEntryEdge {
  @Field(() => String, { description: 'Opaque cursor; pass it as `after` to continue.' }) cursor!: string
  @Field(() => AuditEntry, { description: 'The audit entry.' }) node!: AuditEntry
}

@ObjectType({ simpleResolvers: true, description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: "This page's entries, newest first, with their cursors." }) edges!: AuditEntryEdge[]
  @Field(() => PageInfo, { description: 'Whether more entries follow, and the cursors.' }) pageInfo!: PageInfo
  @Field(() => Int, { description: 'Number of entries matching the filters, on every page.' }) totalCount!: number
}
