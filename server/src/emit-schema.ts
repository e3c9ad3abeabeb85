/** Writes the SDL of the public API to schema/schema.graphql (`npm run schema:emit`). */
import 'reflect-metadata'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { printSchemaText } from './print-schema.ts'

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url))
writeFileSync(target, await printSchemaText())
console.log(`wrote ${target}`)
