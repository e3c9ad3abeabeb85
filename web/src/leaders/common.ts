/** Small pieces the leaders' pages share. */
import { lang } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'

/** A date and time in the reader's language (to the second with `seconds`), in a <time> element. */
export function timeEl(iso: string, seconds = false): HTMLTimeElement {
  const text = new Date(iso).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' })
  return h('time', { datetime: iso }, text)
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Creates an SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  el.append(...children)
  return el
}

/** What a page gets from the app: how to write its part of the address. */
export interface PageContext {
  /** Replaces the page's query in the address (no reload, no history entry). */
  setQuery(query: string): void
}
