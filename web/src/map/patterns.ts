/** Small raster images the map draws with (patterns, icons), made in code: nothing is fetched. */

/** RGBA pixels, as `map.addImage` takes them. */
export interface RasterImage {
  width: number
  height: number
  data: Uint8Array
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function blank(size: number): RasterImage {
  return { width: size, height: size, data: new Uint8Array(size * size * 4) }
}

function setPixel(image: RasterImage, x: number, y: number, rgb: [number, number, number], alpha: number): void {
  const i = (y * image.width + x) * 4
  image.data.set([rgb[0], rgb[1], rgb[2], Math.round(alpha * 255)], i)
}

/**
 * Diagonal hatching, lines from bottom left to top right `size` pixels apart, over a transparent
 * or solid `background`; tiles seamlessly.
 */
export function hatchPattern(color: string, options: { background?: string; size?: number; alpha?: number } = {}): RasterImage {
  const { background, size = 8, alpha = 0.55 } = options
  const image = blank(size)
  const rgb = hexToRgb(color)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (background) setPixel(image, x, y, hexToRgb(background), 1)
      // distance along the anti-diagonal, wrapped: a 1.5 px line every `size` pixels
      const d = (x + y) % size
      if (d === 0) setPixel(image, x, y, rgb, alpha)
    }
  }
  return image
}

/** A diamond with a white rim (the GI product symbol). */
export function diamondIcon(color: string, size = 17): RasterImage {
  const image = blank(size)
  const rgb = hexToRgb(color)
  const c = (size - 1) / 2
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.abs(x - c) + Math.abs(y - c)
      if (d <= c - 2) setPixel(image, x, y, rgb, 1)
      else if (d <= c) setPixel(image, x, y, [255, 255, 255], 1)
    }
  }
  return image
}
