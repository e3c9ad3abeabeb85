/**
 * What each value of the API's enums is called in words, in Chinese and English, keyed by enum and value: what the
 * web app shows, and what the CSV downloads write with `?lang=zh` (server/src/data/csv-zh.ts), so the two always agree.
 * Plain data (no type-graphql), so the web bundle imports it too (through web/src/lib/enum-labels.ts). The values come
 * from ./enum-values.ts; web/src/lib/enum-labels.test.ts fails, naming the enum and value, when one has no label (or no
 * colour, for ServicePointKind) in either language.
 */
import type {
  Accumulation,
  Comparator,
  DepartmentKind,
  FeedbackStatus,
  GeometryQuality,
  PopulationKind,
  ValueKind,
  GIStatus,
  IndicatorCategory,
  IndicatorNature,
  IndicatorRelationKind,
  LocationQuality,
  RegionLevel,
  ServicePointKind,
  ServicePointStatus,
  TaskStatus,
  ValueStatus,
} from './enum-values.ts'

/** A label in both languages. */
export interface EnumLabel {
  zh: string
  en: string
}

/** The labels by enum (its GraphQL name) and value. */
export const ENUM_LABELS = {
  ValueStatus: {
    PROVISIONAL: { zh: '暂定', en: 'Provisional' },
    FINAL: { zh: '最终', en: 'Final' },
    REVISED: { zh: '修订', en: 'Revised' },
  } satisfies Record<ValueStatus, EnumLabel>,
  TaskStatus: {
    NOT_STARTED: { zh: '未开始', en: 'Not started' },
    IN_PROGRESS: { zh: '进行中', en: 'In progress' },
    DONE: { zh: '已完成', en: 'Done' },
  } satisfies Record<TaskStatus, EnumLabel>,
  ServicePointKind: {
    HIGH_VALUE_PATENT_CENTER: { zh: '高价值专利培育中心', en: 'High-value patent cultivation centre' },
    IP_SERVICE_STATION: { zh: '知识产权综合服务工作站', en: 'IP comprehensive service station' },
    PATENT_NAVIGATION_BASE: { zh: '专利导航服务基地', en: 'Patent navigation service base' },
    RESEARCH_CENTER: { zh: '工程（技术）研究中心', en: 'Engineering (technology) research centre' },
    RIGHTS_PROTECTION_STATION: { zh: '维权援助工作站', en: 'Rights-protection assistance station' },
    TRADEMARK_BRAND_STATION: { zh: '商标品牌培育指导站', en: 'Trademark brand guidance station' },
    UNIVERSITY: { zh: '高等院校', en: 'University' },
  } satisfies Record<ServicePointKind, EnumLabel>,
  ServicePointStatus: {
    ACTIVE: { zh: '运行中', en: 'Active' },
    PLANNED: { zh: '规划中', en: 'Planned' },
  } satisfies Record<ServicePointStatus, EnumLabel>,
  LocationQuality: {
    SURVEYED: { zh: '实地测量', en: 'Surveyed' },
    GEOCODED: { zh: '按地址编码', en: 'Geocoded from the address' },
    APPROXIMATE: {
      zh: '近似位置：置于乡镇驻地，实际位置在乡镇内别处',
      en: 'Approximate: placed at the township seat; the real place is elsewhere in the township',
    },
    UNKNOWN: { zh: '位置未知，未上图', en: 'Location unknown: listed, not mapped' },
  } satisfies Record<LocationQuality, EnumLabel>,
  RegionLevel: {
    COUNTY: { zh: '县级市', en: 'County-level city' },
    SUBDISTRICT: { zh: '街道', en: 'Subdistrict' },
    TOWN: { zh: '镇', en: 'Town' },
    TOWNSHIP: { zh: '乡', en: 'Township' },
    ZONE: { zh: '管委会区域', en: 'Management-committee area' },
  } satisfies Record<RegionLevel, EnumLabel>,
  GIStatus: {
    PROTECTED_PRODUCT: { zh: '地理标志保护产品', en: 'Protected GI product' },
    TRADEMARK_REGISTERED: { zh: '已注册地理标志商标', en: 'Registered GI trademark' },
    APPLYING: { zh: '申报中', en: 'Application filed' },
    CULTIVATING: { zh: '培育中（推动申报）', en: 'Being cultivated (application encouraged)' },
  } satisfies Record<GIStatus, EnumLabel>,
  IndicatorCategory: {
    CREATION: { zh: '创造', en: 'Creation' },
    UTILIZATION: { zh: '运用', en: 'Utilization' },
    PROTECTION: { zh: '保护', en: 'Protection' },
    SERVICE: { zh: '服务', en: 'Service' },
    AWARENESS: { zh: '意识', en: 'Awareness' },
    MANAGEMENT: { zh: '管理', en: 'Management' },
  } satisfies Record<IndicatorCategory, EnumLabel>,
  IndicatorNature: {
    EXPECTED: { zh: '预期性', en: 'indicative' },
    BINDING: { zh: '约束性', en: 'binding' },
  } satisfies Record<IndicatorNature, EnumLabel>,
  Accumulation: {
    STOCK: { zh: '存量', en: 'stock' },
    CUMULATIVE: { zh: '累计', en: 'cumulative' },
    ANNUAL: { zh: '年度', en: 'per year' },
  } satisfies Record<Accumulation, EnumLabel>,
  Comparator: {
    AT_LEAST: { zh: '以上（不少于）', en: 'at least' },
    MORE_THAN: { zh: '超过', en: 'more than' },
    EXACT: { zh: '达到', en: 'reach' },
    RANGE: { zh: '区间', en: 'range' },
  } satisfies Record<Comparator, EnumLabel>,
  ValueKind: {
    BASELINE: { zh: '基期值', en: 'baseline' },
    MILESTONE: { zh: '阶段目标', en: 'milestone' },
    TARGET: { zh: '目标值', en: 'target' },
    ACTUAL: { zh: '实际值', en: 'actual' },
  } satisfies Record<ValueKind, EnumLabel>,
  GeometryQuality: {
    OFFICIAL: { zh: '官方', en: 'official' },
    APPROXIMATE: { zh: '近似', en: 'approximate' },
    NONE: { zh: '无', en: 'none' },
  } satisfies Record<GeometryQuality, EnumLabel>,
  PopulationKind: {
    RESIDENT: { zh: '常住人口', en: 'resident' },
    HOUSEHOLD_REGISTERED: { zh: '户籍人口', en: 'household-registered' },
    UNSPECIFIED: { zh: '未说明口径', en: 'unspecified' },
  } satisfies Record<PopulationKind, EnumLabel>,
  DepartmentKind: {
    LEADING_GROUP: { zh: '领导小组', en: 'leading group' },
    OFFICE: { zh: '领导小组办公室', en: 'leading group office' },
    UNIT: { zh: '责任单位', en: 'responsible unit' },
    TOWNSHIPS: { zh: '各乡镇（街道）', en: 'the townships' },
  } satisfies Record<DepartmentKind, EnumLabel>,
  IndicatorRelationKind: {
    SAME_MEASURE_DIFFERENT_BASIS: { zh: '同一事项、口径不同，分列两个序列', en: 'the same measure on a different basis, kept as two series' },
  } satisfies Record<IndicatorRelationKind, EnumLabel>,
  FeedbackStatus: {
    OPEN: { zh: '待处理', en: 'open' },
    ANSWERED: { zh: '已答复', en: 'answered' },
    DONE: { zh: '已办结', en: 'done' },
  } satisfies Record<FeedbackStatus, EnumLabel>,
}

/** The name of an enum the web app labels. */
export type LabelledEnum = keyof typeof ENUM_LABELS

/** A value's label in a language, e.g. `enumLabel('ServicePointKind', 'UNIVERSITY', 'zh')` → 高等院校. */
export function enumLabel<E extends LabelledEnum>(e: E, value: keyof (typeof ENUM_LABELS)[E], lang: 'zh' | 'en'): string {
  return (ENUM_LABELS[e][value] as EnumLabel)[lang]
}
