import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { isCrossSite, isHttps } from './auth.http.ts'
import { csrfMatches, csrfTokenOf, newSessionId, sessionCookie, sessionIdFromCookie, SESSION_COOKIE } from './session.ts'
import { hashPassword, verifyPassword, oneTimePassword, passwordProblem } from './password.ts'

const request = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Strict, Path=/, and Secure over HTTPS', () => {
    expect(sessionCookie('abc', { secure: false, maxAgeMs: 60_000 })).toBe(`${SESSION_COOKIE}=abc; Max-Age=60; Path=/; HttpOnly; SameSite=Strict`)
    expect(sessionCookie('abc', { secure: true, maxAgeMs: 60_000 })).toMatch(/; HttpOnly; SameSite=Strict; Secure$/)
    expect(sessionCookie(undefined, { secure: false })).toBe(`${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`)
  })

  it('count as HTTPS behind a trusted proxy only', () => {
    expect(isHttps(request({ 'x-forwarded-proto': 'https' }), 1)).toBe(true)
    expect(isHttps(request({ 'x-forwarded-proto': 'https' }), 0)).toBe(false)
    expect(isHttps(request({}, true), 0)).toBe(true)
    expect(isHttps(request({ 'x-forwarded-proto': 'http, https' }), 1)).toBe(false)
  })

  it('are read from the Cookie header only when well-formed', () => {
    const id = newSessionId()
    expect(sessionIdFromCookie(`a=1; ${SESSION_COOKIE}=${id}; b=2`)).toBe(id)
    expect(sessionIdFromCookie(`${SESSION_COOKIE}=short`)).toBeUndefined()
    expect(sessionIdFromCookie(undefined)).toBeUndefined()
  })

  it('have a CSRF token bound to the session', () => {
    const a = newSessionId()
    const b = newSessionId()
    expect(csrfMatches(a, csrfTokenOf(a))).toBe(true)
    expect(csrfMatches(a, csrfTokenOf(b))).toBe(false)
    expect(csrfMatches(a, undefined)).toBe(false)
    expect(csrfMatches(a, 'x')).toBe(false)
  })
})

describe('cross-site requests', () => {
  it('are those from another Origin or with Sec-Fetch-Site: cross-site', () => {
    expect(isCrossSite(request({ host: 'ip.example', origin: 'https://ip.example' }))).toBe(false)
    expect(isCrossSite(request({ host: 'ip.example', origin: 'https://evil.example' }))).toBe(true)
    expect(isCrossSite(request({ host: 'ip.example', origin: 'null' }))).toBe(true)
    expect(isCrossSite(request({ host: 'ip.example', 'sec-fetch-site': 'cross-site' }))).toBe(true)
    expect(isCrossSite(request({ host: 'ip.example' }))).toBe(false)
  })
})

describe('passwords', () => {
  it('are stored as scrypt with parameters and salt, and verify only themselves', async () => {
    const hash = await hashPassword('correct horse')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await hashPassword('correct horse')).not.toBe(hash)
    expect(await verifyPassword('correct horse', hash)).toBe(true)
    expect(await verifyPassword('correct horsf', hash)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })

  it('one-time passwords are 16 random characters; new passwords need 10', () => {
    expect(oneTimePassword()).toMatch(/^\w{16}$/)
    expect(oneTimePassword()).not.toBe(oneTimePassword())
    expect(passwordProblem('short')).toMatch(/at least 10/)
    expect(passwordProblem('long enough')).toBeUndefined()
    expect(passwordProblem('tab\tin a password')).toMatch(/control/)
  })
})
