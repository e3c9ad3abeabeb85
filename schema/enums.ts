import { registerEnumType } from 'type-graphql'
import * as E from './enum-values.ts'

/** The GraphQL enums: the values declared in ./enum-values.ts, registered with type-graphql with their descriptions. */
export * from './enum-values.ts'

registerEnumType(E.Lang, {
  name: 'Lang',
  description: 'Language of a name: Chinese (default) or English.',
  valuesConfig: { ZH: { description: 'Chinese (中文).' }, EN: { description: 'English; pinyin for place names.' } },
})

registerEnumType(E.RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level.',
  valuesConfig: {
    COUNTY: { description: 'County-level unit (县级), e.g. a county-level city.' },
    SUBDISTRICT: { description: 'Subdistrict (街道).' },
    TOWN: { description: 'Town (镇).' },
    TOWNSHIP: { description: 'Township (乡).' },
    ZONE: { description: 'An area run by a management committee (管委会), counted by NBS as township-like.' },
  },
})

registerEnumType(E.GeometryQuality, {
  name: 'GeometryQuality',
  description: 'How far a geometry can be trusted.',
  valuesConfig: {
    OFFICIAL: { description: 'From an official source.' },
    APPROXIMATE: { description: 'Schematic or estimated (示意图, 边界为近似): do not use as a legal boundary.' },
    NONE: { description: 'No geometry in the dataset.' },
  },
})

registerEnumType(E.LocationQuality, {
  name: 'LocationQuality',
  description: 'How a service point was located.',
  valuesConfig: {
    SURVEYED: { description: 'Measured on site.' },
    GEOCODED: { description: 'From its address by a geocoder.' },
    APPROXIMATE: { description: 'Placed at its township seat: the real place is elsewhere in the township.' },
    UNKNOWN: { description: 'No location: listed, not mapped (location is null).' },
  },
})

registerEnumType(E.ServicePointKind, {
  name: 'ServicePointKind',
  description: 'Kind of IP service place.',
  valuesConfig: {
    RIGHTS_PROTECTION_STATION: { description: '知识产权维权援助工作站: rights-protection assistance station.' },
    IP_SERVICE_STATION: { description: '知识产权综合服务工作站: comprehensive IP service station.' },
    TRADEMARK_BRAND_STATION: { description: '商标品牌培育指导站: trademark brand cultivation guidance station.' },
    PATENT_NAVIGATION_BASE: { description: '专利导航服务基地: patent navigation service base.' },
    RESEARCH_CENTER: { description: 'Provincial engineering or technology research centre (工程(技术)研究中心).' },
    UNIVERSITY: { description: 'University (高等院校).' },
    HIGH_VALUE_PATENT_CENTER: { description: '高价值专利培育中心: high-value patent cultivation centre.' },
  },
})

registerEnumType(E.ServicePointStatus, {
  name: 'ServicePointStatus',
  description: 'Whether a service point works now.',
  valuesConfig: {
    ACTIVE: { description: 'Exists and works (the plan or another source treats it as existing).' },
    PLANNED: { description: 'To be set up; no source says it is open.' },
  },
})

registerEnumType(E.IndicatorCategory, {
  name: 'IndicatorCategory',
  description: "The plan's areas of work.",
  valuesConfig: {
    CREATION: { description: '创造 (creation)' },
    UTILIZATION: { description: '运用 (utilization)' },
    PROTECTION: { description: '保护 (protection)' },
    SERVICE: { description: '服务 (service)' },
    AWARENESS: { description: '意识 (awareness)' },
    MANAGEMENT: { description: '管理 (management)' },
  },
})

registerEnumType(E.ValueKind, {
  name: 'ValueKind',
  description: 'What an indicator value is.',
  valuesConfig: {
    BASELINE: { description: "Starting value (the plan's 2023 column)." },
    MILESTONE: { description: "Planned value for a year (the plan's timeline annex)." },
    TARGET: { description: 'Goal for the end of the pilot (2026).' },
    ACTUAL: { description: 'Recorded outcome.' },
  },
})

registerEnumType(E.Comparator, {
  name: 'Comparator',
  description: 'How the plan phrases a target.',
  valuesConfig: {
    AT_LEAST: { description: '以上 / 不少于: at least the value.' },
    MORE_THAN: { description: '超: more than the value.' },
    EXACT: { description: '达到 / 达: reach the value.' },
    RANGE: { description: 'A range such as 10-15: from value to valueMax.' },
  },
})

registerEnumType(E.Accumulation, {
  name: 'Accumulation',
  description: 'How values over years relate.',
  valuesConfig: {
    STOCK: { description: 'A level at the end of the year (e.g. patents in force, 拥有量).' },
    CUMULATIVE: { description: 'A running total (累计).' },
    ANNUAL: { description: 'A count or amount for that year alone.' },
  },
})

registerEnumType(E.IndicatorNature, {
  name: 'IndicatorNature',
  description: 'Whether a target is indicative (预期性) or binding (约束性).',
  valuesConfig: { EXPECTED: { description: '预期性: indicative.' }, BINDING: { description: '约束性: binding.' } },
})

registerEnumType(E.GIStatus, {
  name: 'GIStatus',
  description: 'Status of a geographical indication.',
  valuesConfig: {
    PROTECTED_PRODUCT: { description: '地理标志保护产品: a protected GI product.' },
    TRADEMARK_REGISTERED: { description: 'Registered as a GI trademark (地理标志商标).' },
    APPLYING: { description: 'An application is filed.' },
    CULTIVATING: { description: 'Being prepared for an application (培育).' },
  },
})

registerEnumType(E.DepartmentKind, {
  name: 'DepartmentKind',
  description: 'Kind of responsible body.',
  valuesConfig: {
    LEADING_GROUP: { description: "The pilot's leading group (工作领导小组)." },
    OFFICE: { description: "The leading group's office." },
    UNIT: { description: 'A government unit (局, 委, 部, 中心 …).' },
    TOWNSHIPS: { description: 'The townships, subdistricts and management committees together (各乡镇、街道、管委会).' },
  },
})

registerEnumType(E.PopulationKind, {
  name: 'PopulationKind',
  description: 'What a population figure counts.',
  valuesConfig: {
    RESIDENT: { description: 'Resident population (常住人口), e.g. a census.' },
    HOUSEHOLD_REGISTERED: { description: 'Household-registered population (户籍人口).' },
    UNSPECIFIED: { description: 'The source does not say.' },
  },
})

registerEnumType(E.MapLayer, {
  name: 'MapLayer',
  description: 'A layer of the web map, served as one GeoJSON FeatureCollection.',
  valuesConfig: {
    REGIONS: { description: 'Township-level units (and the cells administered elsewhere), with their figures.' },
    SERVICE_POINTS: { description: 'Service points that have a location.' },
    GI_PRODUCTS: { description: "GI products' origin areas." },
  },
})

registerEnumType(E.AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an indicator stands against its target (the Open SDG / Statistics Canada method).',
  valuesConfig: {
    ACHIEVED: { description: 'The latest actual meets the target by its comparator.' },
    ON_TRACK: { description: 'Observed annual rate ≥ 0.95 × the required rate.' },
    ACCELERATION_NEEDED: { description: 'Observed annual rate 0.6–0.95 × the required rate.' },
    LIMITED_PROGRESS: { description: 'Observed annual rate 0–0.6 × the required rate.' },
    DETERIORATION: { description: 'Moving away from the target (a negative ratio).' },
    NO_DATA: { description: 'No actual value is recorded.' },
    NOT_ASSESSABLE: {
      description:
        'Actuals exist but no growth path can be judged: no baseline or target, an actual no later than the baseline, or a yearly range (see milestoneMet).',
    },
  },
})

registerEnumType(E.AssessmentMethod, {
  name: 'AssessmentMethod',
  description: 'How an assessment compared the observed pace with the required one.',
  valuesConfig: {
    COMPOUND_GROWTH: { description: 'Compound annual growth rates (fractions: 0.0197 = 1.97 % a year).' },
    LINEAR_CHANGE: { description: 'Linear change per year in the base unit (the baseline is 0 or negative, or an actual is).' },
    RANGE_PER_YEAR: { description: 'A yearly range target: each year judged against the range.' },
    NONE: { description: 'Nothing to compare (no actual, baseline or target).' },
  },
})

registerEnumType(E.FeedbackKind, {
  name: 'FeedbackKind',
  description: 'What a piece of public feedback is (报错 / 纠错).',
  valuesConfig: {
    CORRECTION: { description: 'Something shown is wrong (纠错).' },
    DATA_REQUEST: { description: 'Data the sender would like to see (数据需求).' },
  },
})

registerEnumType(E.FeedbackSubjectType, {
  name: 'FeedbackSubjectType',
  description: 'What a piece of feedback is about.',
  valuesConfig: {
    SERVICE_POINT: { description: 'A service point, by id.' },
    REGION: { description: 'A region (the county or a town), by code.' },
    INDICATOR: { description: 'An indicator, by code.' },
    SITE: { description: 'The site in general (subject id `site`).' },
  },
})

registerEnumType(E.FeedbackStatus, {
  name: 'FeedbackStatus',
  description: "Where a piece of feedback stands in the stewards' queue.",
  valuesConfig: {
    OPEN: { description: 'Not answered yet.' },
    ANSWERED: { description: 'Answered; still open for follow-up.' },
    DONE: { description: 'Closed by a steward.' },
  },
})

registerEnumType(E.ValueStatus, {
  name: 'ValueStatus',
  description: "How settled a recorded value is. Null on values recorded before statuses existed, and on the plan's own figures: not stated.",
  valuesConfig: {
    PROVISIONAL: { description: '暂定: a preliminary figure, may change.' },
    FINAL: { description: '最终: the settled figure of its source.' },
    REVISED: { description: '修订: a corrected figure; its note says what changed and why.' },
  },
})

registerEnumType(E.TaskStatus, {
  name: 'TaskStatus',
  description: 'Progress of a plan task, as reported by a steward. A task nobody has reported on has no status (未报告 / not reported).',
  valuesConfig: {
    NOT_STARTED: { description: '未开始: reported as not started.' },
    IN_PROGRESS: { description: '进行中: under way.' },
    DONE: { description: '已完成: done.' },
  },
})

registerEnumType(E.IndicatorRelationKind, {
  name: 'IndicatorRelationKind',
  description: 'How two related indicator series relate (a relation is symmetric).',
  valuesConfig: {
    SAME_MEASURE_DIFFERENT_BASIS: {
      description:
        'The plan writes the same measure twice, on a different basis (e.g. a running total in one row, per year or not stated in another): kept as two series, not merged.',
    },
  },
})

registerEnumType(E.PlausibilityWarningCode, {
  name: 'PlausibilityWarningCode',
  description: 'Why an entered value looks implausible; the write needs confirmWarnings: true to go through.',
  valuesConfig: {
    FAR_FROM_BASELINE: { description: 'More than 10 times, or less than a tenth of, the baseline.' },
    FAR_FROM_TARGET: { description: 'More than 10 times, or less than a tenth of, the target.' },
    CUMULATIVE_FALLS: { description: "A cumulative indicator below an earlier year's actual." },
    PERCENT_OUT_OF_RANGE: { description: 'A percentage outside 0–100.' },
    YEAR_OUTSIDE_PLAN: { description: "A year outside the plan's period (its baseline year to its target year)." },
  },
})

registerEnumType(E.CoordinateSystem, {
  name: 'CoordinateSystem',
  description: 'The coordinate system of coordinates sent in; they are stored in WGS84.',
  valuesConfig: {
    WGS84: { description: 'WGS84 (GPS, OpenStreetMap).' },
    GCJ02: { description: 'GCJ-02 (AMap/高德, Tencent): offset by about 0.5 km around the county.' },
    BD09: { description: 'BD-09 (Baidu).' },
  },
})
