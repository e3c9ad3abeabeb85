/**
 * Content codings (RFC 9110 §8.4, §12.5.3): which coding a client accepts (`Accept-Encoding` with
 * q-values, `identity` and `*`), and a body kept in every coding it is offered in, each computed once.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib'

export type Coding = 'br' | 'gzip' | 'identity'

/** Bodies smaller than this are sent as they are: compressing them saves less than the headers cost. */
export const COMPRESS_MIN_BYTES = 1024

/** Media types worth compressing (text, JSON, JavaScript, SVG, CSV, vector tiles). */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|graphql-response\+json|javascript|xml|manifest\+json|vnd\.mapbox-vector-tile)|image\/svg\+xml)/i

export function isCompressible(contentType: string | undefined): boolean {
  return COMPRESSIBLE.test(contentType ?? '')
}

/** The ETag of one coding of a representation: the identity tag with `-br` or `-gz` inside the quotes. */
export function etagFor(etag: string, coding: Coding): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding === 'br' ? 'br' : 'gz'}"`
}

/** The identity tag an entity tag stands for: `W/` and a coding suffix removed (`W/"abc-gz"` → `"abc"`). */
export function representationTag(tag: string): string {
  return tag.replace(/^W\//, '').replace(/-(br|gz)"$/, '"')
}

/** Preference among codings the client weighs alike: smaller first. */
const ORDER: readonly Coding[] = ['br', 'gzip', 'identity']

/** The weight of identity when the header does not name it: above refusal, below any q-value a client can write (0.001 is the smallest). */
const IMPLICIT_IDENTITY = 0.0001

/**
 * The coding to send among `offered` (identity is always possible): the one with the highest q-value
 * in `accept`, ties going to the smaller; identity when not named comes last. No header means identity. `identity;q=0` or `*;q=0` refuse
 * identity; when nothing offered is acceptable, identity is sent all the same (RFC 9110 §12.5.3 allows it).
 */
export function negotiate(accept: string | undefined, offered: readonly Coding[]): Coding {
  if (!accept || offered.length === 0) return 'identity'
  const q = new Map<string, number>()
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    let weight = 1
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)
      if (m) weight = Math.min(1, Number(m[1]) || 0)
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  // Identity not named is acceptable (unless `*;q=0`), but after any coding the client named.
  const weightOf = (c: Coding): number =>
    q.get(c) ?? (c === 'identity' ? (q.has('*') ? q.get('*')! && IMPLICIT_IDENTITY : IMPLICIT_IDENTITY) : (q.get('*') ?? 0))
  let best: Coding = 'identity'
  let bestQ = -1
  for (const c of ORDER) {
    if (c !== 'identity' && !offered.includes(c)) continue
    const w = weightOf(c)
    if (w > 0 && w > bestQ) {
      best = c
      bestQ = w
    }
  }
  return best
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

export interface EncodeOptions {
  /** Codings to offer besides identity (default br and gzip when the body is compressible and ≥ 1 KB). */
  offer?: readonly Exclude<Coding, 'identity'>[]
  /** Brotli quality 0–11 (default 5: about gzip's time for smaller output; build-time assets use 11). */
  brotliQuality?: number
  /** gzip level 1–9 (default 6). */
  gzipLevel?: number
}

/**
 * A response body in the codings it is offered in. Each coding is computed at most once (on first
 * use, or all at once by `prepare()` before a cache stores it), so a cached body is never
 * recompressed per hit. Made from the identity bytes, or from gzip bytes (a tile), then identity is
 * decompressed when a client asks for it.
 */
export class EncodedBody {
  readonly #ready = new Map<Coding, Buffer>()
  readonly #pending = new Map<Coding, Promise<Buffer>>()
  readonly offered: readonly Coding[]

  constructor(
    readonly contentType: string,
    bytes: Partial<Record<Coding, Buffer>>,
    readonly options: EncodeOptions = {},
  ) {
    for (const [c, b] of Object.entries(bytes) as [Coding, Buffer][]) this.#ready.set(c, b)
    const size = bytes.identity?.length ?? Infinity
    const compress = isCompressible(contentType) && size >= COMPRESS_MIN_BYTES
    const offer = options.offer ?? (compress ? ['br', 'gzip'] : [])
    this.offered = [...offer.filter((c) => compress || bytes[c]), 'identity']
  }

  /** A body from text or bytes (UTF-8 for text). */
  static of(contentType: string, body: string | Buffer, options?: EncodeOptions): EncodedBody {
    return new EncodedBody(contentType, { identity: typeof body === 'string' ? Buffer.from(body) : body }, options)
  }

  /** The body's bytes in `coding` (one of `offered`). */
  get(coding: Coding): Buffer | Promise<Buffer> {
    const ready = this.#ready.get(coding)
    if (ready) return ready
    let pending = this.#pending.get(coding)
    if (!pending) {
      pending = this.#encode(coding).then((b) => {
        this.#ready.set(coding, b)
        this.#pending.delete(coding)
        return b
      })
      this.#pending.set(coding, pending)
    }
    return pending
  }

  /** Computes every offered coding (before a cache keeps the body, so that its size is known). */
  async prepare(): Promise<this> {
    await Promise.all(this.offered.map((c) => Promise.resolve(this.get(c))))
    return this
  }

  /** Bytes held in memory, all codings together. */
  get byteLength(): number {
    let n = 0
    for (const b of this.#ready.values()) n += b.length
    return n
  }

  async #encode(coding: Coding): Promise<Buffer> {
    if (coding === 'identity') return gunzipAsync(this.#ready.get('gzip')!)
    const identity = await this.get('identity')
    if (coding === 'gzip') return gzipAsync(identity, { level: this.options.gzipLevel ?? 6 })
    return brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: this.options.brotliQuality ?? 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    })
  }
}
