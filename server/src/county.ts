import type { Context } from './context.ts'
import { NotFoundError } from './errors.ts'

/** The county a query is about: the one named, checked to exist, or the default. */
export async function resolveCounty(ctx: Context, county: string | null | undefined): Promise<string> {
  if (!county) return ctx.defaultCounty
  const region = await ctx.loaders.region.load(county)
  if (!region || region.level !== 'COUNTY' || region.countyCode !== county) throw new NotFoundError('County', county)
  return county
}
