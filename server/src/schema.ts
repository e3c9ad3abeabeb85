/** Builds the GraphQL schema from the resolvers (code-first, type-graphql). */
import { buildSchema } from 'type-graphql'
import type { GraphQLSchema } from 'graphql'
import { AuditResolver } from './audit/audit.resolver.ts'
import { CompareResolver } from './compare/compare.resolver.ts'
import { EditResolver } from './data/edit.resolver.ts'
import { DatasetResolver } from './dataset/dataset.resolver.ts'
import { MapLayerResolver } from './map/map-layer.resolver.ts'
import { GIProductResolver } from './gi-product/gi-product.resolver.ts'
import { IndicatorResolver, IndicatorValueResolver } from './indicator/indicator.resolver.ts'
import { DepartmentResolver, TaskResolver } from './plan/plan.resolver.ts'
import { RegionResolver } from './region/region.resolver.ts'
import { ServicePointByIdResolver } from './service-point/service-point-by-id.resolver.ts'
import { ServicePointResolver } from './service-point/service-point.resolver.ts'

let built: Promise<GraphQLSchema> | undefined

/** The schema; built once per process (type-graphql keeps global metadata). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      RegionResolver, IndicatorResolver, IndicatorValueResolver, GIProductResolver, ServicePointResolver,
      TaskResolver, DepartmentResolver, DatasetResolver, CompareResolver, MapLayerResolver, AuditResolver, EditResolver,
      ServicePointByIdResolver,
    ],
    validate: false,
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql gives the root type no description of its own.
    schema.getQueryType()!.description =
      'Read the open data: regions and their geometry, indicators of the plan, GI products, service points, tasks, ' +
      'departments and datasets. Reads are open to anyone.'
    const mutation = schema.getMutationType()
    if (mutation) mutation.description = 'Edit the data: needs an Authorization: Bearer token of an editor or an admin. Every write is audited.'
    return schema
  })
  return built
}
