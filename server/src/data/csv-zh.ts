/**
 * The CSV downloads in Chinese (`/data/<resource>.csv?lang=zh`): Chinese column headers (with the unit where a
 * column has one, e.g. 人口（人）) and enum values in words, the same words the web app shows
 * (schema/enum-labels.ts); booleans as 是 / 否. The rows are the machine file's, in the same order. Such a
 * file is for reading (spreadsheets, reports): the importer reads the machine headers only.
 */
import type { FieldSchema } from '../../../db/dataset/package.ts'
import { SEAT_STATUSES } from '../../../db/records/resources.ts'
import { ENUM_LABELS, type EnumLabel, type LabelledEnum } from '../../../schema/enum-labels.ts'
import { ENUMS, valuesOf } from '../../../schema/enum-values.ts'

/** The `lang` values a CSV download accepts (absent: the machine headers and values, as the importer reads them). */
export const CSV_LANGS = ['zh'] as const
export type CsvLang = (typeof CSV_LANGS)[number]

/** Chinese headers by column name: a name means the same in every resource that has it, unless {@link BY_RESOURCE} says otherwise. */
const HEADERS: Record<string, string> = {
  code: '代码',
  id: '编号',
  parent_code: '上级区划代码',
  level: '层级',
  name_zh: '中文名称',
  name_en: '英文名称（拼音）',
  in_county_statistics: '计入本县统计',
  administered_by_code: '管辖单位代码',
  administered_by_zh: '管辖单位（中文）',
  administered_by_en: '管辖单位（英文）',
  population: '人口（人）',
  population_year: '人口年份（年）',
  population_kind: '人口口径',
  population_source: '人口出处',
  population_note: '人口说明（英文）',
  source: '出处',
  note: '说明（英文）',
  note_zh: '说明（中文）',
  region_code: '区划代码',
  valid_from: '启用日期',
  valid_to: '停用日期',
  lng: '经度（度，WGS84）',
  lat: '纬度（度，WGS84）',
  position: '排序',
  unit: '基本单位',
  display_unit: '方案所用单位',
  display_factor: '折算系数（每方案单位合基本单位数）',
  category: '类别',
  nature: '属性',
  accumulation: '累计方式',
  comparator: '目标表述',
  plan_table_row: '方案指标表行号',
  plan_annex_row: '方案附件2序号',
  indicator_code: '指标代码',
  related_code: '相关指标代码',
  year: '年份（年）',
  kind: '类型',
  value: '数值（基本单位，见指标表“基本单位”）',
  value_max: '区间上限（基本单位）',
  status: '状态',
  category_zh: '品类（中文）',
  category_en: '品类（英文）',
  gi_code: '地理标志产品代码',
  address: '地址',
  location_quality: '位置精度',
  services: '服务内容',
  opening_hours: '开放时间',
  contact: '联系方式',
  opened_on: '启用日期',
  member_of: '所属机构代码',
  aliases: '别称',
  part: '部分',
  section_label: '节号',
  section_title: '节标题',
  number: '序号',
  title: '标题',
  text: '正文',
  responsibility_as_written: '责任单位（方案原文）',
  task_code: '任务编号',
  department_code: '责任单位代码',
  as_written: '方案原文写法',
}

/** Where a column means something particular in one resource. */
const BY_RESOURCE: Record<string, Record<string, string>> = {
  regions: { code: '区划代码' },
  seats: { code: '区划代码', name_zh: '驻地名称', status: '驻地位置精度', note: '驻地说明（英文）' },
  indicators: { code: '指标代码', name_zh: '指标名称（中文）', name_en: '指标名称（英文）' },
  'indicator-relations': { kind: '关系类型' },
  'gi-products': { code: '地理标志产品代码' },
  'service-points': { id: '站点编号', kind: '站点类别' },
  departments: { code: '责任单位代码', kind: '机构类别' },
  tasks: { code: '任务编号' },
}

/** Enums shown in words where the column has no enum constraint of its own (a seat's status reads F and E too). */
const ENUM_OF: Record<string, Record<string, LabelledEnum>> = { seats: { status: 'LocationQuality' } }

/** `x_zh` → `<x>（中文）`, `x_en` → `<x>（英文）` for a column not listed (a new column gets a readable header). */
function header(resource: string, field: string): string | undefined {
  const own = BY_RESOURCE[resource]?.[field] ?? HEADERS[field]
  if (own) return own
  const lang = /^(.*)_(zh|en)$/.exec(field)
  const base = lang && (BY_RESOURCE[resource]?.[lang[1]] ?? HEADERS[lang[1]])
  return base ? `${base.replace(/（.*）$/, '')}（${lang[2] === 'zh' ? '中文' : '英文'}）` : undefined
}

/** The labelled enum whose values are exactly the field's allowed values, or undefined. */
function labelledEnum(resource: string, field: FieldSchema): LabelledEnum | undefined {
  const named = ENUM_OF[resource]?.[field.name]
  if (named) return named
  const allowed = field.constraints?.enum
  if (!allowed) return undefined
  const same = (values: string[]) => values.length === allowed.length && values.every((v) => allowed.includes(v))
  return (Object.keys(ENUM_LABELS) as LabelledEnum[]).find((name) => same(valuesOf(ENUMS[name] as Record<string, string>)))
}

/** A resource's columns in Chinese: each field's header and how its cells are written. */
export interface ZhColumns {
  headers: string[]
  /** A cell in words: an enum value as its Chinese label, a boolean as 是 / 否, anything else as it is. */
  cell(field: FieldSchema, value: string): string
}

/**
 * The Chinese headers and cell words of a resource's CSV columns. Throws, naming the columns, when one has no Chinese
 * header or an enum column has no labels (a programming error: tests/server/downloads-zh.test.ts walks every download).
 */
export function zhColumns(resource: string, fields: FieldSchema[]): ZhColumns {
  const missing = fields.filter((f) => !header(resource, f.name)).map((f) => f.name)
  const unlabelled = fields.filter((f) => f.constraints?.enum && !labelledEnum(resource, f)).map((f) => f.name)
  if (missing.length || unlabelled.length) {
    const problems = [...missing.map((n) => `${n} has no Chinese header`), ...unlabelled.map((n) => `${n} has no enum labels`)]
    throw new Error(`${resource}.csv?lang=zh: ${problems.join('; ')} (server/src/data/csv-zh.ts, schema/enum-labels.ts)`)
  }
  const enums = new Map(fields.map((f) => [f.name, labelledEnum(resource, f)]))
  return {
    headers: fields.map((f) => header(resource, f.name)!),
    cell(field, value) {
      if (value === '') return value
      if (field.type === 'boolean') return value === 'true' ? '是' : value === 'false' ? '否' : value
      const e = enums.get(field.name)
      if (!e) return value
      const canonical = resource === 'seats' && field.name === 'status' ? (SEAT_STATUSES[value] ?? value) : value
      return (ENUM_LABELS[e] as Record<string, EnumLabel | undefined>)[canonical]?.zh ?? value
    },
  }
}
