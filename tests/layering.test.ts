/**
 * The folders' dependency rules, checked on every import of every source file:
 * db/ imports nothing from server/ or web/ (the database layer and its commands stand alone);
 * web/ imports nothing from server/ or db/ except types (`import type`), so no server code reaches the browser bundle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../db/config.ts'

interface ModuleImport {
  file: string
  specifier: string
  /** The folder of the repository the import resolves to (`server`, `db`, …), or null for a package. */
  target: string | null
  typeOnly: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name) && !e.parentPath.includes('node_modules') && !/[/\\]dist[/\\]?/.test(e.parentPath))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
}

/** Every static import, re-export and dynamic import() of a file, with whether it brings in only types. */
function importsOf(file: string): ModuleImport[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const found: ModuleImport[] = []
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier)).split(path.sep)[0] : null
    found.push({ file, specifier, target, typeOnly })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const bindings = clause?.namedBindings
      const allNamedTypes = !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)
      add(node.moduleSpecifier.text, !!clause && (clause.isTypeOnly || (!clause.name && allNamedTypes)))
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause
      add(
        node.moduleSpecifier.text,
        node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)),
      )
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Build tooling that Node runs beside web/ (Vite configs, the codegen config): never part of the browser bundle. */
const BUILD_TOOLING = /(^|\/)(vite\.config|codegen)\.ts$/

const describeImport = (i: ModuleImport) => `${i.file} imports ${i.specifier}${i.typeOnly ? ' (types only)' : ''}`

describe('the layers', () => {
  it('finds the imports it checks (the web app takes its config types from the server)', () => {
    const web = sourceFiles('web').flatMap(importsOf)
    expect(web.filter((i) => i.target === 'server').map(describeImport)).toContain(
      'web/src/map/basemap.ts imports ../../../server/src/client-config.ts (types only)',
    )
    expect(importsOf('db/cli.ts').map((i) => i.specifier)).toContain('./connect.ts')
  })

  it('db/ imports nothing from server/ or web/', () => {
    const wrong = sourceFiles('db')
      .flatMap(importsOf)
      .filter((i) => i.target === 'server' || i.target === 'web')
    expect(wrong.map(describeImport)).toEqual([])
  })

  it('web/ imports only types from server/ and db/', () => {
    const wrong = sourceFiles('web')
      .filter((f) => !BUILD_TOOLING.test(f))
      .flatMap(importsOf)
      .filter((i) => (i.target === 'server' || i.target === 'db') && !i.typeOnly)
    expect(wrong.map(describeImport)).toEqual([])
  })
})
