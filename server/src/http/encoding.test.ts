import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { isNotModified, parseEntityTags } from './conditional.ts'
import { EncodedBody, etagFor, negotiate, representationTag } from './encoding.ts'

describe('negotiate', () => {
  const all = ['br', 'gzip', 'identity'] as const
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate', 'gzip'],
    ['br, gzip', 'br'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.8', 'gzip'],
    ['br;q=0, *', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['identity;q=0, gzip;q=0.1', 'gzip'],
    ['*;q=0, identity', 'identity'],
    ['deflate', 'identity'],
    ['GZIP;Q=0.5', 'gzip'],
    ['x-gzip', 'gzip'],
  ])('%s → %s', (accept, expected) => {
    expect(negotiate(accept, all)).toBe(expected)
  })

  it('picks only among the codings offered (a tile has gzip alone)', () => {
    expect(negotiate('br', ['gzip', 'identity'])).toBe('identity')
    expect(negotiate('br, gzip;q=0.5', ['gzip', 'identity'])).toBe('gzip')
  })
})

describe('entity tags', () => {
  it('gives each coding its own tag, all standing for one representation', () => {
    expect(etagFor('"abc"', 'br')).toBe('"abc-br"')
    expect(etagFor('"abc"', 'gzip')).toBe('"abc-gz"')
    expect(etagFor('"abc"', 'identity')).toBe('"abc"')
    expect(representationTag('W/"abc-gz"')).toBe('"abc"')
    expect(parseEntityTags('"a", W/"b,c" ,*')).toEqual(['"a"', 'W/"b,c"', '*'])
  })

  const req = (headers: Record<string, string>, method = 'GET') => ({ method, headers }) as unknown as IncomingMessage
  const modified = new Date('2026-11-01T10:00:00.500Z')
  it('answers 304 by weak comparison of If-None-Match, and by If-Modified-Since only without it', () => {
    expect(isNotModified(req({ 'if-none-match': '"x", W/"abc-br"' }), '"abc"', undefined)).toBe(true)
    expect(isNotModified(req({ 'if-none-match': '*' }), '"abc"', undefined)).toBe(true)
    expect(isNotModified(req({ 'if-none-match': '"abd"' }), '"abc"', undefined)).toBe(false)
    expect(isNotModified(req({ 'if-none-match': '"abc"' }, 'POST'), '"abc"', undefined)).toBe(false)
    expect(isNotModified(req({ 'if-modified-since': modified.toUTCString() }), undefined, modified)).toBe(true)
    expect(isNotModified(req({ 'if-modified-since': new Date('2026-10-01').toUTCString() }), undefined, modified)).toBe(false)
    expect(isNotModified(req({ 'if-none-match': '"other"', 'if-modified-since': modified.toUTCString() }), '"abc"', modified)).toBe(false)
  })
})

describe('EncodedBody', () => {
  it('compresses a text body of 1 KB or more once per coding, and offers a small one as it is', async () => {
    const big = EncodedBody.of('application/json', JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ i })) }))
    expect(big.offered).toEqual(['br', 'gzip', 'identity'])
    const first = await big.get('br')
    expect(await big.get('br')).toBe(first)
    expect(EncodedBody.of('application/json', '{"data":{}}').offered).toEqual(['identity'])
    expect(EncodedBody.of('image/png', Buffer.alloc(5000)).offered).toEqual(['identity'])
  })
})
