/** Checks on coordinates clients send; each failure names the argument. */
import { BadUserInputError } from './errors.ts'

export function checkLongitude(argument: string, lng: number): void {
  if (!(Number.isFinite(lng) && lng >= -180 && lng <= 180)) throw new BadUserInputError(argument, `longitude ${lng} is outside -180..180`)
}

export function checkLatitude(argument: string, lat: number): void {
  if (!(Number.isFinite(lat) && lat >= -90 && lat <= 90)) throw new BadUserInputError(argument, `latitude ${lat} is outside -90..90`)
}

export function checkBbox(argument: string, b: { minLng: number; minLat: number; maxLng: number; maxLat: number }): void {
  checkLongitude(`${argument}.minLng`, b.minLng)
  checkLongitude(`${argument}.maxLng`, b.maxLng)
  checkLatitude(`${argument}.minLat`, b.minLat)
  checkLatitude(`${argument}.maxLat`, b.maxLat)
  if (b.minLng > b.maxLng || b.minLat > b.maxLat) {
    throw new BadUserInputError(argument, 'the box is inverted: minLng must not exceed maxLng, nor minLat maxLat')
  }
}
