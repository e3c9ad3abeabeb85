/**
 * Cheap refusal of hostile documents, right after parsing and before validation: graphql-js's
 * validation compares the fields of a selection set pairwise (OverlappingFieldsCanBeMerged), so a
 * document of a few hundred repeated fields costs it hundreds of milliseconds to refuse. The token
 * limit is graphql-js's own parser option (`maxTokens`: the parser stops at the limit); this module
 * adds limits on the selections of one selection set, on the fields of one response name in one
 * selection set (the pairs validation compares) and on the fields of the whole document, counted in
 * one linear walk of the parsed document.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server'
import { HeaderMap } from '@apollo/server'
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql'

export interface DocumentShapeLimits {
  /** Most selections (fields, fragment spreads, inline fragments) in one selection set. */
  maxSelections: number
  /** Most field nodes in the whole document (fragment definitions included, each counted once). */
  maxFields: number
  /** Most fields of one response name (alias or field name) in one selection set: the pairs validation compares. */
  maxRepeats: number
}

/** A document refused for its size or shape: HTTP 400, QUERY_TOO_COMPLEX. */
export class DocumentTooComplex extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...extensions, http: { status: 400, headers: new HeaderMap() } } })
  }
}

/** The first limit the document breaks, as an error, or undefined. Linear in the document's size. */
export function checkDocumentShape(document: DocumentNode, limits: DocumentShapeLimits): DocumentTooComplex | undefined {
  let fields = 0
  const stack: SelectionSetNode[] = []
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) stack.push(definition.selectionSet)
  }
  while (stack.length) {
    const set = stack.pop()!
    if (set.selections.length > limits.maxSelections) {
      return new DocumentTooComplex(
        `查询过于复杂 · Query too complex: a selection set has ${set.selections.length} selections; the limit of ${limits.maxSelections} per selection set is exceeded`,
        { limit: 'maxSelections', max: limits.maxSelections },
      )
    }
    const seen = new Map<string, number>()
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value
        const repeats = (seen.get(name) ?? 0) + 1
        if (repeats > limits.maxRepeats) {
          return new DocumentTooComplex(
            `查询过于复杂 · Query too complex: "${name}" is selected more than ${limits.maxRepeats} times in one selection set; the limit of ${limits.maxRepeats} repeats is exceeded`,
            { limit: 'maxRepeats', max: limits.maxRepeats },
          )
        }
        seen.set(name, repeats)
        if (++fields > limits.maxFields) {
          return new DocumentTooComplex(
            `查询过于复杂 · Query too complex: the document has more than ${limits.maxFields} fields; the limit of ${limits.maxFields} fields is exceeded`,
            { limit: 'maxFields', max: limits.maxFields },
          )
        }
        if (selection.selectionSet) stack.push(selection.selectionSet)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push(selection.selectionSet)
      }
    }
  }
  return undefined
}

/**
 * An Apollo plugin that checks every freshly parsed document (documents from Apollo's cache were
 * checked when parsed). Apollo has no hook that refuses a document between parsing and validation,
 * so the check throws (synchronously) from `parsingDidEnd` and the plugin hands that same error back to Apollo from
 * `unexpectedErrorProcessingRequest`: Apollo then answers it with its status (400), and logs nothing.
 */
export function documentLimitsPlugin<T extends object>(limits: DocumentShapeLimits): ApolloServerPlugin<T> {
  return {
    requestDidStart(): Promise<GraphQLRequestListener<T>> {
      return Promise.resolve({
        parsingDidStart(requestContext) {
          // Synchronous on purpose: Apollo calls end hooks without awaiting them, so only a synchronous throw reaches it.
          return Promise.resolve((error?: Error): Promise<void> => {
            const refused = !error && requestContext.document ? checkDocumentShape(requestContext.document, limits) : undefined
            if (refused) throw refused
            return Promise.resolve()
          })
        },
      })
    },
    unexpectedErrorProcessingRequest({ error }) {
      return error instanceof DocumentTooComplex ? Promise.reject(error) : Promise.resolve()
    },
  }
}
