import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import { Lang } from '../../../schema/enums.ts'
import { GIProduct } from '../../../schema/gi-product.type.ts'
import { Region } from '../../../schema/region.type.ts'
import { GeoJSONScalar } from '../../../schema/scalars.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { listGIProducts } from './gi-product.repository.ts'

@Resolver(() => GIProduct)
export class GIProductResolver {
  @Query(() => [GIProduct], { description: "The county's geographical-indication products, ordered by code." })
  async giProducts(
    @Ctx() ctx: Context,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
  ): Promise<GIProduct[]> {
    return listGIProducts(ctx.db, await resolveCounty(ctx, county))
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (Chinese by default; English is pinyin for places).' })
  name(@Root() product: GIProduct, @Arg('lang', () => Lang, { defaultValue: Lang.ZH, description: 'ZH (default) or EN.' }) lang: Lang): string {
    return lang === Lang.EN ? product.nameEn : product.nameZh
  }

  @FieldResolver(() => [Region], { description: 'Townships the product comes from, ordered by code (empty when unknown).' })
  async originRegions(@Root() product: GIProduct, @Ctx() ctx: Context): Promise<Region[]> {
    const codes = (await ctx.loaders.originRegionCodes.load(product)).map((o) => o.regionCode)
    const regions = await ctx.loaders.region.loadMany(codes)
    return regions.filter((r): r is Region => !!r && !(r instanceof Error))
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description: 'Origin area as a GeoJSON MultiPolygon; see originAreaQuality. Null when unknown.',
  })
  originArea(@Root() product: GIProduct, @Ctx() ctx: Context): Promise<object | null> {
    return ctx.loaders.originArea.load(product)
  }
}
