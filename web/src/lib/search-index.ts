/** Finding a township, a GI product or a service point by Chinese name, pinyin (full or initials) or English name. */
import { pinyinSyllables } from './pinyin.ts'

/** A township (`region`), a GI product (`gi`, by its code) or a service point (`point`) to find. */
export interface SearchTarget {
  kind: 'region' | 'gi' | 'point'
  id: string
  nameZh: string
  nameEn: string
}

interface Entry {
  target: SearchTarget
  keys: string[]
  initials: string
}

/** Lower case, no tone marks, no spaces or punctuation; Han characters kept. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]/gu, '')
}

/** Prepared keys (names, pinyin, initials) of every target. */
export interface SearchIndex {
  entries: Entry[]
}

/** Prepares the targets for `search`. */
export function buildSearchIndex(targets: SearchTarget[]): SearchIndex {
  return {
    entries: targets.map((target) => {
      const syllables = pinyinSyllables(target.nameZh)
      return {
        target,
        keys: [normalize(target.nameZh), normalize(target.nameEn), syllables.join('')],
        initials: syllables.map((s) => s[0]).join(''),
      }
    }),
  }
}

/** The order of kinds among equally good matches. */
const KIND_RANK: Record<SearchTarget['kind'], number> = { region: 0, gi: 1, point: 2 }

/**
 * Targets matching a query, best first: names that start with it, then names that contain it;
 * townships, then GI products, then service points, then in the given order. Pinyin initials match from the start.
 */
export function search(index: SearchIndex, query: string, limit = 8): SearchTarget[] {
  const q = normalize(query)
  if (!q) return []
  const scored: { target: SearchTarget; score: number; order: number }[] = []
  index.entries.forEach((entry, order) => {
    let score = Infinity
    for (const key of entry.keys) {
      if (key.startsWith(q)) score = Math.min(score, 0)
      else if (key.includes(q)) score = Math.min(score, 2)
    }
    if (q.length >= 2 && entry.initials.startsWith(q)) score = Math.min(score, 1)
    if (score < Infinity) scored.push({ target: entry.target, score: score * 3 + KIND_RANK[entry.target.kind], order })
  })
  return scored
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.target)
}
