/** The value form (web/src/leaders/value-form.ts) offers exactly the units the server accepts (server/src/indicator/units.ts). */
import { describe, expect, it } from 'vitest'
import { acceptedUnits } from '../../server/src/indicator/units.ts'
import { unitChoices } from '../../web/src/leaders/value-units.ts'

describe('the value form’s units', () => {
  it('are the units the server accepts, the display unit first, with the same factors', () => {
    for (const i of [
      { unit: '元', displayUnit: '亿元', displayFactor: 1e8 },
      { unit: '元', displayUnit: '万元', displayFactor: 1e4 },
      { unit: '件', displayUnit: '件', displayFactor: 1 },
      { unit: '件', displayUnit: '万件', displayFactor: 1e4 },
      { unit: '%', displayUnit: '%', displayFactor: 1 },
      { unit: '人次', displayUnit: '人次', displayFactor: 1 },
    ]) {
      expect(unitChoices(i)).toEqual(acceptedUnits(i))
    }
  })
})
