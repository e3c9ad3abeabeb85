/** Builds the GraphQL schema from the resolvers (code-first, type-graphql). */
import { buildSchema, getMetadataStorage } from 'type-graphql'
import { defaultFieldResolver, getNamedType, isEnumType, isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql'
import type { BuildSchemaOptions } from 'type-graphql'
import { AuditResolver } from './audit/audit.resolver.ts'
import { CompareResolver } from './compare/compare.resolver.ts'
import { TownContextResolver } from './compare/town-context.resolver.ts'
import { EditResolver } from './data/edit.resolver.ts'
import { FeedbackResolver } from './feedback/feedback.resolver.ts'
import { DatasetResolver } from './dataset/dataset.resolver.ts'
import { MapLayerResolver } from './map/map-layer.resolver.ts'
import { GIProductResolver } from './gi-product/gi-product.resolver.ts'
import { IndicatorResolver, IndicatorValueResolver } from './indicator/indicator.resolver.ts'
import { ReportingResolver } from './indicator/reporting.resolver.ts'
import { DepartmentResolver, TaskResolver } from './plan/plan.resolver.ts'
import { TaskProgressResolver, TaskStatusResolver } from './plan/task-status.resolver.ts'
import { IndicatorTasksResolver, TaskIndicatorsResolver } from './plan/task-indicator.resolver.ts'
import { ValueEntryResolver } from './indicator/value-entry.resolver.ts'
import { RegionResolver } from './region/region.resolver.ts'
import { ServicePointByIdResolver } from './service-point/service-point-by-id.resolver.ts'
import { ServicePointResolver } from './service-point/service-point.resolver.ts'
import { UserResolver } from './users/user.resolver.ts'

let built: Promise<GraphQLSchema> | undefined

/**
 * How type-graphql builds the schema. Adding an `authChecker`, `globalMiddlewares` or validation
 * here would be bypassed by the fields `callFieldResolversDirectly` rewires: it refuses to run then
 * (and tests/server/schema-guards.test.ts fails), so that such a change cannot go unnoticed.
 */
export const SCHEMA_OPTIONS = {
  resolvers: [
    RegionResolver,
    IndicatorResolver,
    IndicatorValueResolver,
    GIProductResolver,
    ServicePointResolver,
    TaskResolver,
    DepartmentResolver,
    DatasetResolver,
    CompareResolver,
    MapLayerResolver,
    AuditResolver,
    EditResolver,
    ServicePointByIdResolver,
    ReportingResolver,
    FeedbackResolver,
    UserResolver,
    ValueEntryResolver,
    TaskStatusResolver,
    TaskProgressResolver,
    TownContextResolver,
    TaskIndicatorsResolver,
    IndicatorTasksResolver,
  ],
  validate: false,
  emitSchemaFile: false,
} satisfies BuildSchemaOptions

/** `Type.field` of every field whose type-graphql resolver method is called directly (see callFieldResolversDirectly). */
export const directlyCalledFields: string[] = []

/** The schema; built once per process (type-graphql keeps global metadata). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema(SCHEMA_OPTIONS).then((schema) => {
    directlyCalledFields.push(...callFieldResolversDirectly(schema, SCHEMA_OPTIONS))
    runRootFieldsOneAtATimeWhenAsked(schema)
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

/**
 * type-graphql passes every argument through an `async` validation step, even with `validate: false`,
 * so a field resolver taking an argument (`name(lang)`) returns a promise for every row of a list,
 * and graphql-js then waits on each row. With validation off and no middlewares, roles or custom
 * parameters, such a resolver is called directly instead: the same method with the same values
 * (scalar and enum arguments arrive from graphql-js already coerced), synchronously when it is.
 * This skips type-graphql's own pipeline, so it refuses options that pipeline would apply.
 * Returns the fields rewired, as `Type.field`.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema, options: BuildSchemaOptions): string[] {
  const bypassed = (['authChecker', 'globalMiddlewares', 'validateFn'] as const).filter((k) => options[k] !== undefined)
  if (options.validate !== false) bypassed.push('validate' as never)
  if (bypassed.length) {
    throw new Error(
      `callFieldResolversDirectly would bypass type-graphql's ${bypassed.join(', ')} for the fields it rewires: remove the rewiring or those options`,
    )
  }
  const rewired: string[] = []
  const storage = getMetadataStorage()
  const instances = new Map<object, Record<string, unknown>>()
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || meta.middlewares?.length || meta.roles?.length || !meta.params || !meta.getObjectType) continue
    const typeName = storage.objectTypes.find((t) => t.target === meta.getObjectType!())?.name
    const type = typeName ? schema.getType(typeName) : undefined
    const field = isObjectType(type) ? type.getFields()[meta.schemaName] : undefined
    if (!field) continue
    const params = [...meta.params].sort((a, b) => a.index - b.index)
    const direct = params.every((p) => {
      if (p.kind === 'root') return !p.propertyName && !p.getType
      if (p.kind === 'context' || p.kind === 'info') return true
      if (p.kind !== 'arg' || p.validateFn || p.validateSettings) return false
      const arg = field.args.find((a) => a.name === p.name)
      return !!arg && (isScalarType(getNamedType(arg.type)) || isEnumType(getNamedType(arg.type)))
    })
    if (!direct) continue
    let instance = instances.get(meta.target)
    if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => Record<string, unknown>)()))
    const method = instance[meta.methodName] as (...args: unknown[]) => unknown
    const getters = params.map((p): ((root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown) => {
      if (p.kind === 'root') return (root) => root
      if (p.kind === 'context')
        return p.propertyName ? (_r, _a, context) => (context as Record<string, unknown>)[p.propertyName!] : (_r, _a, context) => context
      if (p.kind === 'info') return (_r, _a, _c, info) => info
      const name = (p as { name: string }).name
      return (_r, args) => args[name]
    })
    const resolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (root, args, context, info) =>
      method.apply(
        instance,
        getters.map((get) => get(root, args, context, info)),
      )
    field.resolve = resolve
    rewired.push(`${typeName}.${meta.schemaName}`)
  }
  return rewired.sort()
}

/**
 * An expensive request (the request guard sets `oneAtATime` on its context) runs its root fields
 * one after another instead of all at once: 25 aliases of one costly field then take turns with
 * other clients' statements rather than filling the database's queue (or pool) in one go.
 */
function runRootFieldsOneAtATimeWhenAsked(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver
    field.resolve = (root, args, context: { request?: { oneAtATime?: <T>(work: () => T | Promise<T>) => Promise<T> } } | undefined, info) =>
      context?.request?.oneAtATime ? context.request.oneAtATime(() => resolve(root, args, context, info)) : resolve(root, args, context, info)
  }
}
