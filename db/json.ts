/** Reading parsed JSON of unknown shape (GeoJSON files, data packages) as `unknown`, narrowed where it is used. */

/** `value[key]` when `value` is an object or an array, else undefined: what `value?.[key]` reads for the keys JSON objects have. */
export function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

/** `Array.isArray`, with the items typed `unknown` instead of `any`. */
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value)
}
