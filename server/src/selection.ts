/** What a query selects below a field: lets a resolver fetch only the columns and counts asked for. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'

/**
 * Names of the fields selected at `path` below the current field (`['edges', 'node']` for a
 * connection's nodes), through aliases, inline fragments and named fragments. Fields under
 * `@skip`/`@include` count as selected: a resolver may fetch a little more, never less.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []))
  for (const name of path) {
    const next: SelectionSetNode[] = []
    for (const set of sets) collect(info, set, (field) => field.name.value === name && field.selectionSet && next.push(field.selectionSet))
    sets = next
  }
  const names = new Set<string>()
  for (const set of sets) collect(info, set, (field) => names.add(field.name.value))
  return names
}

function collect(info: GraphQLResolveInfo, set: SelectionSetNode, visit: (field: import('graphql').FieldNode) => unknown): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection)
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(info, selection.selectionSet, visit)
    else {
      const fragment = info.fragments[selection.name.value]
      if (fragment) collect(info, fragment.selectionSet, visit)
    }
  }
}
