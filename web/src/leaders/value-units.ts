/** The units a value may be typed in on the value form (pure: also read by tests/server/value-form-units.test.ts). */

/** The units a value of the indicator may be typed in, the display unit first (as server/src/indicator/units.ts accepts them). */
export function unitChoices(i: { unit: string; displayUnit: string; displayFactor: number }): { unit: string; factor: number }[] {
  const units = [
    { unit: i.displayUnit, factor: i.displayFactor },
    { unit: i.unit, factor: 1 },
  ]
  if (i.unit !== '%') {
    units.push({ unit: `万${i.unit}`, factor: 1e4 })
    if (i.unit === '元') units.push({ unit: `亿${i.unit}`, factor: 1e8 })
  }
  const seen = new Set<string>()
  return units.filter((u) => !seen.has(u.unit) && seen.add(u.unit))
}
