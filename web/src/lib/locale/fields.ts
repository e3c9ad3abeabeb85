/**
 * What the history page calls each audited field, by table (the audit log's `entity`) and field (the
 * download's name), in Chinese (first) and English; and which fields hold an enum's values, shown in
 * words from web/src/lib/enum-labels.ts. tests/web-field-labels.test.ts fails, naming the table and
 * field, when an audited field has no label, so a new column cannot be added silently.
 */
import type { LabelledEnum } from '../enum-labels.ts'

type Text = { zh: string; en: string }

const common = {
  name_zh: { zh: '中文名称', en: 'Name (Chinese)' },
  name_en: { zh: '英文名称', en: 'Name (English)' },
  source: { zh: '来源', en: 'Source' },
  source_zh: { zh: '中文来源', en: 'Source (Chinese)' },
  note: { zh: '备注', en: 'Note' },
  note_zh: { zh: '中文备注', en: 'Note (Chinese)' },
  code: { zh: '代码', en: 'Code' },
  region_code: { zh: '所属地区', en: 'Region' },
} satisfies Record<string, Text>

/** Labels by table and field. */
export const FIELD_LABELS: Record<string, Record<string, Text>> = {
  region: {
    ...common,
    parent_code: { zh: '上级地区', en: 'Parent region' },
    level: { zh: '级别', en: 'Level' },
    in_county_statistics: { zh: '计入本县统计', en: 'In the county’s statistics' },
    administered_by_code: { zh: '管辖单位代码', en: 'Administered by (code)' },
    administered_by_zh: { zh: '管辖单位（中文）', en: 'Administered by (Chinese)' },
    administered_by_en: { zh: '管辖单位（英文）', en: 'Administered by (English)' },
    population: { zh: '人口', en: 'Population' },
    population_year: { zh: '人口年份', en: 'Population year' },
    population_kind: { zh: '人口口径', en: 'Population kind' },
    population_source: { zh: '人口来源', en: 'Population source' },
    population_source_zh: { zh: '人口来源（中文）', en: 'Population source (Chinese)' },
    population_note: { zh: '人口备注', en: 'Population note' },
    population_note_zh: { zh: '人口备注（中文）', en: 'Population note (Chinese)' },
    lng: { zh: '驻地经度', en: 'Seat longitude' },
    lat: { zh: '驻地纬度', en: 'Seat latitude' },
    status: { zh: '驻地状态', en: 'Seat status' },
    boundary_quality: { zh: '边界精度', en: 'Boundary quality' },
    boundary_source: { zh: '边界来源', en: 'Boundary source' },
    geometry: { zh: '边界', en: 'Boundary' },
  },
  region_name: {
    ...common,
    level: { zh: '级别', en: 'Level' },
    valid_from: { zh: '启用日期', en: 'Valid from' },
    valid_to: { zh: '停用日期', en: 'Valid to' },
  },
  indicator: {
    ...common,
    position: { zh: '排序', en: 'Position' },
    unit: { zh: '计量单位', en: 'Unit' },
    display_unit: { zh: '显示单位', en: 'Display unit' },
    display_factor: { zh: '显示倍数', en: 'Display factor' },
    category: { zh: '类别', en: 'Category' },
    nature: { zh: '属性', en: 'Nature' },
    accumulation: { zh: '累计方式', en: 'Accumulation' },
    comparator: { zh: '目标比较方式', en: 'Target comparator' },
    plan_table_row: { zh: '指标表行号', en: 'Indicator table row' },
    plan_annex_row: { zh: '附件行号', en: 'Annex row' },
  },
  indicator_value: {
    ...common,
    indicator_code: { zh: '指标', en: 'Indicator' },
    year: { zh: '年份', en: 'Year' },
    kind: { zh: '数值类型', en: 'Kind of value' },
    value: { zh: '数值', en: 'Value' },
    value_max: { zh: '上限值', en: 'Upper value' },
    status: { zh: '数值状态', en: 'Status of the value' },
  },
  gi_product: {
    ...common,
    category_zh: { zh: '类别（中文）', en: 'Category (Chinese)' },
    category_en: { zh: '类别（英文）', en: 'Category (English)' },
    status: { zh: '保护状态', en: 'Status' },
    origin_area_quality: { zh: '产地范围精度', en: 'Origin area quality' },
    geometry: { zh: '产地范围', en: 'Origin area' },
  },
  gi_product_region: {
    ...common,
    gi_code: { zh: '地理标志产品', en: 'GI product' },
  },
  service_point: {
    ...common,
    id: { zh: '编号', en: 'Id' },
    kind: { zh: '类型', en: 'Kind' },
    status: { zh: '状态', en: 'Status' },
    address: { zh: '地址', en: 'Address' },
    lng: { zh: '经度', en: 'Longitude' },
    lat: { zh: '纬度', en: 'Latitude' },
    location_quality: { zh: '位置精度', en: 'Location quality' },
    services: { zh: '服务内容', en: 'Services' },
    opening_hours: { zh: '开放时间', en: 'Opening hours' },
    contact: { zh: '联系方式', en: 'Contact' },
    opened_on: { zh: '启用日期', en: 'Opened on' },
  },
  department: {
    ...common,
    kind: { zh: '类型', en: 'Kind' },
    member_of: { zh: '所属机构', en: 'Member of' },
    aliases: { zh: '别称', en: 'Other names' },
  },
  task: {
    ...common,
    part: { zh: '部分', en: 'Part' },
    section_label: { zh: '章节编号', en: 'Section number' },
    section_title: { zh: '章节标题', en: 'Section title' },
    number: { zh: '序号', en: 'Number' },
    title: { zh: '标题', en: 'Title' },
    text: { zh: '内容', en: 'Text' },
    responsibility_as_written: { zh: '责任单位（原文）', en: 'Responsibility (as written)' },
  },
  task_department: {
    ...common,
    task_code: { zh: '任务', en: 'Task' },
    department_code: { zh: '责任单位', en: 'Department' },
    as_written: { zh: '原文', en: 'As written' },
  },
  indicator_relation: {
    ...common,
    indicator_code: { zh: '指标', en: 'Indicator' },
    related_code: { zh: '相关指标', en: 'Related indicator' },
    kind: { zh: '关系', en: 'Relation' },
  },
  task_indicator: {
    ...common,
    task_code: { zh: '任务', en: 'Task' },
    indicator_code: { zh: '指标', en: 'Indicator' },
  },
  feedback: {
    status: { zh: '处理状态', en: 'Status' },
    answers: { zh: '答复数', en: 'Answers' },
  },
  dataset: {
    resource: { zh: '数据表', en: 'Table' },
    file: { zh: '文件', en: 'File' },
    inserted: { zh: '新增', en: 'Added' },
    updated: { zh: '修改', en: 'Changed' },
    unchanged: { zh: '未变', en: 'Unchanged' },
  },
}

/** Fields whose values are an enum's, by table and field. */
export const FIELD_ENUMS: Record<string, Record<string, LabelledEnum>> = {
  region: { level: 'RegionLevel', population_kind: 'PopulationKind', boundary_quality: 'GeometryQuality' },
  region_name: { level: 'RegionLevel' },
  indicator: { category: 'IndicatorCategory', nature: 'IndicatorNature', accumulation: 'Accumulation', comparator: 'Comparator' },
  indicator_value: { kind: 'ValueKind', status: 'ValueStatus' },
  indicator_relation: { kind: 'IndicatorRelationKind' },
  gi_product: { status: 'GIStatus', origin_area_quality: 'GeometryQuality' },
  service_point: { kind: 'ServicePointKind', status: 'ServicePointStatus', location_quality: 'LocationQuality' },
  department: { kind: 'DepartmentKind' },
  feedback: { status: 'FeedbackStatus' },
}

/** True and false in words. */
export const BOOLEAN_WORDS: Record<'true' | 'false', Text> = { true: { zh: '是', en: 'yes' }, false: { zh: '否', en: 'no' } }
