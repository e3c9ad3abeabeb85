/**
 * Guards over two places where we step around a library: schema.ts calls some type-graphql resolver
 * methods directly (bypassing its pipeline), and jit-executor.ts runs queries on graphql-jit.
 */
import 'reflect-metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callFieldResolversDirectly, buildAppSchema, directlyCalledFields, SCHEMA_OPTIONS } from '../../server/src/schema.ts'
import { executions } from '../../server/src/jit-executor.ts'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

describe('resolvers called directly (schema.ts)', () => {
  it('lists the fields it rewires, and the build has no authChecker, global middleware or validation they would skip', async () => {
    const schema = await buildAppSchema()
    // Adding a field here is fine; adding an authChecker or global middleware is not, while these exist.
    expect(directlyCalledFields.length).toBeGreaterThan(0)
    expect(directlyCalledFields).toContain('Region.name')
    for (const f of directlyCalledFields) {
      const [type, field] = f.split('.')
      expect((schema.getType(type) as any).getFields()[field], f).toBeDefined()
    }
    const options = SCHEMA_OPTIONS as Record<string, unknown>
    expect(options.authChecker).toBeUndefined()
    expect(options.globalMiddlewares).toBeUndefined()
    expect(options.validate).toBe(false)
  })

  it('refuses to rewire when an authChecker or a global middleware is configured', async () => {
    const schema = await buildAppSchema()
    expect(() => callFieldResolversDirectly(schema, { ...SCHEMA_OPTIONS, authChecker: () => true })).toThrow(/authChecker/)
    expect(() => callFieldResolversDirectly(schema, { ...SCHEMA_OPTIONS, globalMiddlewares: [async (_, next) => next()] })).toThrow(/globalMiddlewares/)
  })
})

describe('graphql-jit (jit-executor.ts)', () => {
  let server: TestServer
  let admin: string
  beforeAll(async () => {
    server = await startTestServer()
    admin = (await createToken(server.db, 'guards-admin', 'admin')).token
  })
  afterAll(() => server.close())

  const counted = async (send: () => Promise<unknown>) => {
    const before = { ...executions }
    await send()
    return { jit: executions.jit - before.jit, graphqlJs: executions.graphqlJs - before.graphqlJs }
  }

  it('runs queries on graphql-jit', async () => {
    expect(await counted(() => server.query('{ regions { code name } }'))).toEqual({ jit: 1, graphqlJs: 0 })
  })

  it('runs introspection and mutations on graphql-js', async () => {
    expect(await counted(() => server.query('{ __schema { queryType { name } } }'))).toEqual({ jit: 0, graphqlJs: 1 })
    const mutation = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: 'mutation { deleteServicePoint(id: "no-such-point") }' }),
      }).then((r) => r.json())
    expect(await counted(mutation)).toEqual({ jit: 0, graphqlJs: 1 })
  })
})
