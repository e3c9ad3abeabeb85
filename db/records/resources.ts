/**
 * The tables of the open data, as resources with the shapes of the data package's files:
 * how to list a county's records (for downloads and for comparing with imports) and which
 * columns a record writes (for the one write path, `apply.ts`). Field rules are `RESOURCE_FIELDS`;
 * the limits on every field (lengths, list sizes, geometry sizes) are `limits.ts`'s.
 */
import { indicators, indicatorValues, indicatorRelations, departments, tasks, taskDepartments, taskIndicators } from './plan-resources.ts'
import { giProducts, giProductRegions, servicePoints } from './place-resources.ts'
import { regions, regionNames, seats, regionBoundaries } from './region-resources.ts'
import type { Resource } from './resource.ts'

export { isReadOnly, keyOf, listRecords, type Resource, type StoredRecord, type Spatial } from './resource.ts'
export { BOUNDARY_FIELDS, SEAT_STATUSES } from './region-resources.ts'

/** Every resource, in the data package's order. */
export const RESOURCES: Resource[] = [
  regions,
  regionNames,
  seats,
  regionBoundaries,
  indicators,
  indicatorValues,
  indicatorRelations,
  giProducts,
  giProductRegions,
  servicePoints,
  departments,
  tasks,
  taskDepartments,
  taskIndicators,
]

/** The resource of that name, or undefined. */
export function findResource(name: string): Resource | undefined {
  return RESOURCES.find((r) => r.name === name)
}
