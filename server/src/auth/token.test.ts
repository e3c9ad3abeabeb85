import { describe, expect, it } from 'vitest'
import { generateToken, hashToken, roleAllows, tokenId, tokenMatches } from './token.ts'

describe('tokens', () => {
  it('are random, carry their id, and match only their own hash', () => {
    const a = generateToken()
    const b = generateToken()
    expect(a.token).toMatch(/^ipt_[0-9a-f]{16}_[\w-]{43}$/)
    expect(a.token).not.toBe(b.token)
    expect(tokenId(a.token)).toBe(a.id)
    expect(a.hash).toBe(hashToken(a.token))
    expect(a.hash).not.toContain(a.token.slice(21))
    expect(tokenMatches(a.token, a.hash)).toBe(true)
    expect(tokenMatches(b.token, a.hash)).toBe(false)
    expect(tokenMatches(a.token, 'ab')).toBe(false)
  })

  it('reject malformed tokens', () => {
    expect(tokenId('ipt_123_abc')).toBeUndefined()
    expect(tokenId('')).toBeUndefined()
  })

  it('rank admin above editor', () => {
    expect(roleAllows('admin', 'admin')).toBe(true)
    expect(roleAllows('admin', 'editor')).toBe(true)
    expect(roleAllows('editor', 'editor')).toBe(true)
    expect(roleAllows('editor', 'admin')).toBe(false)
  })
})
