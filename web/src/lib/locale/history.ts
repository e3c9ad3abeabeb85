/** The words of the record of changes (#/history), by key, in Chinese (first) and English (loaded with the modules that use them: web/src/lib/i18n.ts addStrings). */

export const HISTORY_STRINGS = {
  // #/history
  'history.empty': { zh: '（空）', en: '(empty)' },
  'history.noFieldChanged': { zh: '没有字段变化。', en: 'No field changed.' },
  'history.backToTheTownship': { zh: '返回乡镇页面', en: 'Back to the township page' },
  'history.noChangesRecordedYet': { zh: '暂无修改记录', en: 'No changes recorded yet' },
  'history.more': { zh: '加载更多', en: 'More' },
  'history.publicNote': { zh: '修改记录公开，可通过 GraphQL 的 auditLog 查询。', en: 'The record of changes is public: GraphQL auditLog.' },
  // #/history (with placeholders)
  'history.action.INSERT': { zh: '新增', en: 'Added' },
  'history.action.UPDATE': { zh: '修改', en: 'Changed' },
  'history.action.DELETE': { zh: '删除', en: 'Deleted' },
  'history.action.IMPORT': { zh: '导入', en: 'Imported' },
  'history.entity.service_point': { zh: '服务站点', en: 'Service point' },
  'history.entity.region': { zh: '乡镇（街道）', en: 'Township' },
  'history.positions': { zh: '{n} 个坐标点', en: '{n} positions' },
  'history.title': { zh: '修改记录：{name}', en: 'History: {name}' },
  'history.count': { zh: '共 {n} 条修改记录，最新的在前', en: '{n} changes, newest first' },
  'history.regionNote': {
    zh: '包括该乡镇（街道）的属性、驻地和边界的修改。为该乡镇记录的指标值和名称沿革以其自身记录保存，不在此列。',
    en: 'Changes to the township’s attributes, seat and boundary. Indicator values recorded for it and its former names are records of their own, not listed here.',
  },
} satisfies Record<string, { zh: string; en: string }>
