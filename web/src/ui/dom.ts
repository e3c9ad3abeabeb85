/** A tiny element builder: h('a', { href: '#/' }, 'text', child). No framework. */

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

/** Creates an element with attributes (`on…` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value)
    else if (value === true) el.setAttribute(key, '')
    else el.setAttribute(key, String(value))
  }
  append(el, children)
  return el
}

function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'number' ? String(child) : child)
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren()
  append(el, children)
}

/** A small inline SVG swatch for legends and lists (shapes are explained in words beside them). */
export function swatch(kind: 'fill' | 'hatch' | 'outside' | 'area' | 'circle' | 'ring' | 'diamond' | 'here', color = '#999'): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('width', '22')
  svg.setAttribute('height', '16')
  svg.setAttribute('viewBox', '0 0 22 16')
  svg.setAttribute('aria-hidden', 'true')
  svg.classList.add('swatch')
  const shape = (name: string, attrs: Record<string, string | number>) => {
    const node = document.createElementNS(ns, name)
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
    svg.append(node)
  }
  const box = { x: 1, y: 1, width: 20, height: 14 }
  switch (kind) {
    case 'fill':
      shape('rect', { ...box, fill: color, stroke: '#333d47', 'stroke-width': 1 })
      break
    case 'hatch':
      shape('rect', { ...box, fill: '#fff', stroke: '#333d47', 'stroke-width': 1 })
      for (let x = -14; x < 22; x += 5) shape('line', { x1: x, y1: 15, x2: x + 14, y2: 1, stroke: '#777', 'stroke-width': 1 })
      break
    case 'outside':
      shape('rect', { ...box, fill: '#c4c4c4', stroke: '#333d47', 'stroke-width': 1 })
      break
    case 'area':
      shape('rect', { ...box, fill: color, 'fill-opacity': 0.25, stroke: color, 'stroke-width': 2, 'stroke-dasharray': '4 3' })
      break
    case 'circle':
      shape('circle', { cx: 11, cy: 8, r: 6, fill: color, stroke: '#fff', 'stroke-width': 2 })
      break
    case 'ring':
      shape('circle', { cx: 11, cy: 8, r: 5, fill: '#fff', stroke: color, 'stroke-width': 3 })
      break
    case 'diamond':
      shape('path', { d: 'M11 1 L18 8 L11 15 L4 8 Z', fill: color, stroke: '#fff', 'stroke-width': 1.5 })
      break
    case 'here':
      shape('circle', { cx: 11, cy: 8, r: 5, fill: '#ffd400', stroke: '#000', 'stroke-width': 2 })
      break
  }
  return svg
}
