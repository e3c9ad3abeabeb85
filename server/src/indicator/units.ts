/**
 * Units a value may be entered in, and their conversion to the indicator's base unit (pure functions).
 * An indicator stores its values in its base unit (元, 件, %, 人次 …); the plan writes some in a display
 * unit (亿元, 万元). A steward may type a value in the base unit, in the display unit, or in the base unit
 * scaled by 万 (10 000) or, for money, 亿 (100 000 000), whatever the plan's display unit is: the plan itself
 * writes 专利质押融资 once as 5750万 and once as 1亿.
 */
import { decimalOf } from '../../../db/records/values.ts'

/** What conversion needs to know about an indicator. */
export interface IndicatorUnits {
  /** The base unit every value is stored in. */
  unit: string
  /** The unit the plan writes values in. */
  displayUnit: string
  /** Base units per display unit. */
  displayFactor: number
}

/** A unit a value may be entered in, with its base units per unit. */
export interface AcceptedUnit {
  unit: string
  factor: number
}

/** The units a value of the indicator may be entered in: the display unit first, then the base unit and its scaled forms. */
export function acceptedUnits(indicator: IndicatorUnits): AcceptedUnit[] {
  const units: AcceptedUnit[] = [
    { unit: indicator.displayUnit, factor: indicator.displayFactor },
    { unit: indicator.unit, factor: 1 },
  ]
  if (indicator.unit !== '%') {
    units.push({ unit: `万${indicator.unit}`, factor: 1e4 })
    if (indicator.unit === '元') units.push({ unit: `亿${indicator.unit}`, factor: 1e8 })
  }
  const seen = new Set<string>()
  return units.filter((u) => !seen.has(u.unit) && seen.add(u.unit))
}

/** The accepted unit of that name (spaces around it ignored), or undefined. */
export function findUnit(indicator: IndicatorUnits, unit: string): AcceptedUnit | undefined {
  const name = unit.trim()
  return acceptedUnits(indicator).find((u) => u.unit === name)
}

/**
 * `value` × `factor` without binary rounding noise: a power-of-ten factor shifts the decimal point
 * (0.575 × 10⁸ is 57500000, not 57499999.99999999), any other factor is rounded to 15 significant digits.
 */
export function scaleValue(value: number, factor: number): number {
  const exponent = Math.log10(factor)
  if (!Number.isInteger(exponent)) return Number((value * factor).toPrecision(15))
  const text = decimalOf(value)
  const negative = text.startsWith('-')
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.')
  let digits = whole + fraction
  let point = whole.length + exponent
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  digits = digits.padEnd(point, '0')
  return Number(`${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point) || '0'}`)
}

/** A base value as written in a unit (the inverse of {@link scaleValue}). */
export function unscaleValue(base: number, factor: number): number {
  return scaleValue(base, 1 / factor)
}

/** A number for a message: at most 6 decimals, no exponent. */
export function formatNumber(value: number): string {
  return decimalOf(Number(value.toFixed(6)))
}

/** A base value in the indicator's display unit, with the base value after it when they differ: `0.575亿元（57500000元）`. */
export function formatInDisplayUnit(indicator: IndicatorUnits, base: number): string {
  const shown = `${formatNumber(unscaleValue(base, indicator.displayFactor))}${indicator.displayUnit}`
  return indicator.displayFactor === 1 ? shown : `${shown}（${formatNumber(base)}${indicator.unit}）`
}
