/**
 * Text PostgreSQL cannot store: the NUL character (U+0000) and lone UTF-16 surrogates (half of a
 * character; they cannot be encoded as UTF-8). A string argument holding one would reach SQL and fail
 * there as an internal error, so every string of a request (arguments written in the document and
 * variable values) is checked once, before anything runs, and refused as BAD_USER_INPUT naming it.
 */
import { HeaderMap } from '@apollo/server'
import { Kind, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql'
import { BadUserInputError } from '../errors.ts'

// eslint-disable-next-line no-control-regex -- matching NUL is the point: PostgreSQL text cannot hold it
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** What is wrong with `text`, or undefined when PostgreSQL can store it. */
export function unstorableCharacter(text: string): string | undefined {
  const match = UNSTORABLE.exec(text)
  if (!match) return undefined
  return match[0] === '\u0000'
    ? `contains a NUL character (U+0000) at position ${match.index}`
    : `contains a lone surrogate (half a character) at position ${match.index}`
}

function refuse(argument: string, problem: string): BadUserInputError {
  return new BadUserInputError(argument, `${problem}, which cannot be stored: remove it · 含有无法存储的字符，请删除`, {
    http: { status: 400, headers: new HeaderMap() },
  })
}

/**
 * The first unstorable string among the operation's argument literals (fragments included) and the
 * variables, as an error whose `extensions.argument` is its path (`region.code`, `servicePoints.bbox`,
 * `$codes[1]`), or undefined. Walks with explicit stacks: variables may be nested deeply.
 */
export function findUnstorableText(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): BadUserInputError | undefined {
  const values: [ValueNode, string][] = []
  const definitions = operation ? [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] : document.definitions
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue
    for (const v of definition.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : []) {
      if (v.defaultValue) values.push([v.defaultValue, `$${v.variable.name.value}`])
    }
    const sets = [definition.selectionSet]
    while (sets.length) {
      for (const selection of sets.pop()!.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) continue
        if (selection.kind === Kind.FIELD) {
          for (const arg of selection.arguments ?? []) values.push([arg.value, `${selection.name.value}.${arg.name.value}`])
          for (const directive of selection.directives ?? [])
            for (const arg of directive.arguments ?? []) values.push([arg.value, `@${directive.name.value}.${arg.name.value}`])
        }
        if (selection.selectionSet) sets.push(selection.selectionSet)
      }
    }
  }
  while (values.length) {
    const [value, where] = values.pop()!
    if (value.kind === Kind.STRING) {
      const problem = unstorableCharacter(value.value)
      if (problem) return refuse(where, problem)
    } else if (value.kind === Kind.LIST) {
      value.values.forEach((v, i) => values.push([v, `${where}[${i}]`]))
    } else if (value.kind === Kind.OBJECT) {
      for (const f of value.fields) values.push([f.value, `${where}.${f.name.value}`])
    }
  }
  const pending: [unknown, string][] = Object.entries(variables ?? {}).map(([k, v]) => [v, `$${k}`])
  while (pending.length) {
    const [value, where] = pending.pop()!
    if (typeof value === 'string') {
      const problem = unstorableCharacter(value)
      if (problem) return refuse(where, problem)
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => pending.push([v, `${where}[${i}]`]))
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const problem = unstorableCharacter(k)
        if (problem) return refuse(`${where}.${k}`, `has a key that ${problem.replace('contains', 'contains')}`)
        pending.push([v, `${where}.${k}`])
      }
    }
  }
  return undefined
}
