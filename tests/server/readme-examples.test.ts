/** The README's "Querying the data" examples run as written (against a test server instead of port 4000). */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'
import { ROOT } from '../setup/templates.ts'

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## Querying the data'), readme.indexOf('\n## ', readme.indexOf('## Querying the data') + 5))
const examples = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim())

describe.runIf(backend === 'pglite')('README: Querying the data', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('has the five examples', () => {
    expect(examples).toHaveLength(5)
    for (const e of examples) expect(e).toContain('http://127.0.0.1:4000/graphql')
  })

  it.each(examples.map((e, i) => [i + 1, e]))('example %i runs and answers data without errors', async (_n, example) => {
    const command = example.replaceAll('http://127.0.0.1:4000', server.url)
    // Asynchronously: the server answering curl runs in this same process.
    const { stdout: output } = await promisify(execFile)('sh', ['-c', command], { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 << 20 })
    const body = JSON.parse(output)
    expect(body.errors).toBeUndefined()
    expect(Object.keys(body.data).length).toBeGreaterThan(0)
    for (const value of Object.values(body.data)) expect(value).not.toBeNull()
  })
})
