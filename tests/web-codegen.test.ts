/**
 * The web app's GraphQL documents against the committed schema: web/src/api/generated*.ts are what
 * `npm run codegen` writes now, and every document the app sends or shows validates against schema/schema.graphql.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { generate } from '@graphql-codegen/cli'
import { buildSchema, NoUnusedFragmentsRule, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql'
import { beforeAll, describe, expect, it } from 'vitest'
import * as generatedMap from '../web/src/api/generated.ts'
import * as generatedLeaders from '../web/src/api/generated-leaders.ts'
import { RESOURCE_NAMES_ZH, resourceQuery } from '../web/src/leaders/open-data.ts'
import { EXAMPLES } from '../web/graphiql/examples.ts'
import config, { OUTPUTS } from '../web/codegen.ts'
import { ROOT } from './setup/templates.ts'

const API = path.join(ROOT, 'web/src/api')
let schema: GraphQLSchema
beforeAll(() => {
  schema = buildSchema(readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'))
})

/** The validation errors of a document, one line each (empty when it is valid). */
function problems(name: string, text: string, rules = specifiedRules): string[] {
  try {
    return validate(schema, parse(text), rules).map((e) => `${name}: ${e.message}`)
  } catch (error) {
    return [`${name}: ${(error as Error).message}`]
  }
}

/** A TypeScript file's top-level declarations by name. */
function declarations(text: string): Map<string, string> {
  const parts = new Map<string, string>()
  for (const m of text.matchAll(/^(?:export )?(?:type|class|const|interface) (\w+)[^]*?(?=^(?:export |type |\/\*\*)|(?![^]))/gm)) parts.set(m[1], m[0].trim())
  return parts
}

describe('web/src/api/generated.ts and generated-leaders.ts', () => {
  it('are current: generating them from web/src/api/*.graphql and schema/schema.graphql gives the committed files', async () => {
    const outputs: { filename: string; content: string }[] = await generate(config, false)
    expect(outputs.map((o) => path.resolve(o.filename)).sort()).toEqual(Object.keys(OUTPUTS).sort())
    const stale = outputs.flatMap((output) => {
      const file = path.relative(ROOT, output.filename)
      const committed = declarations(existsSync(output.filename) ? readFileSync(output.filename, 'utf8') : '')
      const fresh = declarations(output.content)
      return [...new Set([...committed.keys(), ...fresh.keys()])].flatMap((name) =>
        !committed.has(name)
          ? [`${file}: ${name} is missing from the committed file`]
          : !fresh.has(name)
            ? [`${file}: ${name} is no longer generated`]
            : committed.get(name) !== fresh.get(name)
              ? [`${file}: ${name} differs`]
              : [],
      )
    })
    expect(stale, 'run npm run codegen').toEqual([])
    for (const output of outputs) expect(readFileSync(output.filename, 'utf8'), output.filename).toBe(output.content)
  })
})

describe("the web app's GraphQL documents", () => {
  it('validate against schema/schema.graphql, file by file (each with the shared fragments, web/src/api/fragments.graphql)', () => {
    const files = readdirSync(API).filter((f) => f.endsWith('.graphql') && f !== 'fragments.graphql')
    expect(files).toEqual(expect.arrayContaining(['leaders.graphql', 'map.graphql']))
    const fragments = readFileSync(path.join(API, 'fragments.graphql'), 'utf8')
    // A file need not use every shared fragment (the documents as sent, below, are checked with every rule).
    const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule)
    expect(files.flatMap((f) => problems(`web/src/api/${f}`, `${readFileSync(path.join(API, f), 'utf8')}\n${fragments}`, rules))).toEqual([])
  })

  it('validate as they are sent: each generated document with its fragments', () => {
    const documents = [...Object.entries(generatedMap), ...Object.entries(generatedLeaders)].filter(([name]) => name.endsWith('Document'))
    expect(documents.map(([name]) => name)).toEqual(expect.arrayContaining(['CountyLayersDocument', 'LeaderCompareDocument', 'HistoryDocument']))
    expect(documents.flatMap(([name, doc]) => problems(name, String(doc)))).toEqual([])
  })

  it('fail validation when they ask for a field the schema lacks (the check can fail)', () => {
    expect(problems('test', 'query { servicePoints { edges { node { id colour } } } }')).toEqual(['test: Cannot query field "colour" on type "ServicePoint".'])
  })

  it("include the queries #/data shows for each resource and GraphiQL's examples, all valid", () => {
    const shown = Object.keys(RESOURCE_NAMES_ZH).map((name) => [`resourceQuery(${name})`, resourceQuery(name, '410184')] as const)
    expect(shown.filter(([, q]) => q === undefined).map(([n]) => n)).toEqual([])
    const examples = EXAMPLES.map((e, i) => [`EXAMPLES[${i}]`, e.query] as const)
    expect([...shown, ...examples].flatMap(([name, q]) => problems(name, q!))).toEqual([])
  })
})
