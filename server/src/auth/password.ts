/**
 * Passwords hashed with scrypt (node:crypto, memory-hard): `scrypt$<N>$<r>$<p>$<salt>$<hash>`, salt and
 * hash in base64url, so the parameters can be raised later and old hashes still verify. Compared in
 * constant time; `verifyPassword` against `DUMMY_PASSWORD_HASH` costs what a real check costs, so that
 * an unknown username takes as long as a wrong password.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** N = 2^15, r = 8, p = 1: 32 MiB and ~50–100 ms per hash on one core (OWASP's minimum is N = 2^17 with r = 8 … or 2^15 with a ≥ 32 MiB budget). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))))
}

/** The stored form of a new password (a fresh random salt each time). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, SCRYPT_PARAMS)
  const { N, r, p } = SCRYPT_PARAMS
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** A hash of no one's password, checked when the username is unknown (same parameters, same cost). */
export const DUMMY_PASSWORD_HASH = `scrypt$${SCRYPT_PARAMS.N}$${SCRYPT_PARAMS.r}$${SCRYPT_PARAMS.p}$${randomBytes(SALT_BYTES).toString('base64url')}$${randomBytes(KEY_BYTES).toString('base64url')}`

/** Whether `password` is the one `stored` was made from; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false
  const expected = Buffer.from(parts[5], 'base64url')
  const key = await derive(password, Buffer.from(parts[4], 'base64url'), { N, r, p })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Shortest and longest password accepted (characters). */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const

/** Why a new password cannot be used, or undefined when it can. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'must be a string'
  const length = [...password].length
  if (length < PASSWORD_LENGTH.min) return `is ${length} characters long: at least ${PASSWORD_LENGTH.min}`
  if (length > PASSWORD_LENGTH.max) return `is ${length} characters long: at most ${PASSWORD_LENGTH.max}`
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(password)) return 'holds a control character'
  return undefined
}

/** A one-time password for a new or reset account: 16 characters from an alphabet without look-alikes (≈ 90 bits). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679'
  const bytes = randomBytes(32)
  let out = ''
  for (const b of bytes) {
    if (b >= 245) continue // 245 = 5 × 49: keep the choice uniform
    out += alphabet[b % alphabet.length]
    if (out.length === 16) break
  }
  return out.length === 16 ? out : oneTimePassword()
}
