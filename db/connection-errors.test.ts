import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './connection-errors.ts'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '57P05', '25P03', '53300', '08000', '08001', '08003', '08004', '08006', '08P01'])(
    'counts SQLSTATE %s as a lost connection',
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true)
    },
  )

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH'])('counts the socket error %s', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true)
  })

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
    'timeout exceeded when trying to connect',
    'Cannot use a pool after calling end on the pool',
  ])('counts the driver message "%s" (it carries no code)', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true)
  })

  it('looks inside an AggregateError (several addresses refused) and a cause', () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')], 'connect failed'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('query failed', { cause: withCode('57P01') }))).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['a syntax error', withCode('42601', 'syntax error at or near "selec"')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'code')")],
    ['nothing', undefined],
  ])('does not count %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
