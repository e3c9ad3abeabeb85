import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { missingPinyin, pinyinSyllables } from './pinyin.ts'
import { buildSearchIndex, normalize, search, type SearchTarget } from './search-index.ts'

const targets: SearchTarget[] = [
  { kind: 'region', id: '410184109', nameZh: '龙湖街道', nameEn: 'Longhu Subdistrict' },
  { kind: 'region', id: '410184107', nameZh: '孟庄镇', nameEn: 'Mengzhuang Town' },
  { kind: 'region', id: '410173203', nameZh: '龙王乡', nameEn: 'Longwang Township' },
  { kind: 'point', id: 'zhongyuan', nameZh: '中原工学院（龙湖校区）', nameEn: 'Zhongyuan University of Technology (Longhu campus)' },
  {
    kind: 'point',
    id: 'ip-longhu',
    nameZh: '知识产权综合服务工作站（龙湖街道便民服务大厅）',
    nameEn: 'IP Comprehensive Service Station (Longhu Subdistrict service hall)',
  },
]
const index = buildSearchIndex(targets)
const ids = (q: string) => search(index, q).map((t) => t.id)

describe('search', () => {
  it('finds by Chinese name, townships first', () => {
    expect(ids('龙湖')).toEqual(['410184109', 'zhongyuan', 'ip-longhu'])
  })

  it('finds by full pinyin, with or without spaces and tone marks', () => {
    expect(ids('longhu')[0]).toBe('410184109')
    expect(ids('Lóng Hú')[0]).toBe('410184109')
    expect(ids('mengzhuang')).toEqual(['410184107'])
  })

  it('finds by pinyin initials', () => {
    expect(ids('lhjd')).toEqual(['410184109'])
    expect(ids('mzz')).toEqual(['410184107'])
  })

  it('finds by English name, in any case', () => {
    expect(ids('zhongyuan univ')).toEqual(['zhongyuan'])
    expect(ids('SERVICE HALL')).toEqual(['ip-longhu'])
  })

  it('finds nothing for an empty or unrelated query', () => {
    expect(ids('  ')).toEqual([])
    expect(ids('beijing')).toEqual([])
  })

  it('normalizes away spaces, punctuation and tone marks', () => {
    expect(normalize('Lóng-hú Jiē (Dào)')).toBe('longhujiedao')
  })
})

describe('search for GI products', () => {
  const gi = buildSearchIndex([
    ...targets,
    { kind: 'gi', id: 'xinzheng-jujube', nameZh: '新郑红枣', nameEn: 'Xinzheng jujube' },
    { kind: 'gi', id: 'longhu-cherry', nameZh: '龙湖樱桃', nameEn: 'Longhu cherry' },
    { kind: 'gi', id: 'xinzheng-xiangcao', nameZh: '新郑芗草', nameEn: 'Xinzheng xiangcao' },
  ])
  const found = (q: string) => search(gi, q).map((t) => `${t.kind}:${t.id}`)

  it('finds a product by its Chinese name or part of it', () => {
    expect(found('红枣')).toEqual(['gi:xinzheng-jujube'])
    expect(found('樱桃')).toEqual(['gi:longhu-cherry'])
    expect(found('芗草')).toEqual(['gi:xinzheng-xiangcao'])
  })

  it('finds a product by pinyin, full or initials, and by English', () => {
    expect(found('hongzao')).toEqual(['gi:xinzheng-jujube'])
    expect(found('yingtao')).toEqual(['gi:longhu-cherry'])
    expect(found('lhyt')).toEqual(['gi:longhu-cherry'])
    expect(found('cherry')).toEqual(['gi:longhu-cherry'])
    expect(found('Jujube')).toEqual(['gi:xinzheng-jujube'])
  })

  it('lists townships first, then GI products, then service points', () => {
    expect(found('龙湖')).toEqual(['region:410184109', 'gi:longhu-cherry', 'point:zhongyuan', 'point:ip-longhu'])
  })
})

describe('pinyin table', () => {
  it('writes a name in toneless pinyin, polyphones as in place names', () => {
    expect(pinyinSyllables('新郑市行政服务大厅')).toEqual(['xin', 'zheng', 'shi', 'xing', 'zheng', 'fu', 'wu', 'da', 'ting'])
  })

  it('covers every Chinese name in the Xinzheng data package', () => {
    const root = new URL('../../../db/data/xinzheng/', import.meta.url)
    // name_zh comes before any free-text column in these files, so a plain split finds it.
    const nameColumns = ['regions.csv', 'region-names.csv', 'service-points.csv', 'gi-products.csv'].flatMap((f) => {
      const [header, ...rows] = readFileSync(new URL(f, root), 'utf8').trim().split('\n')
      const col = header.split(',').indexOf('name_zh')
      return rows.map((r) => r.split(',')[col])
    })
    expect(nameColumns.length).toBeGreaterThan(40)
    expect(missingPinyin(nameColumns.join(''))).toEqual([])
  })
})
