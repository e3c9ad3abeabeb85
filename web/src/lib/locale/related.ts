/** The words of the related-series line on #/indicators (Indicator.related), in Chinese (first) and English. */

export const RELATED_STRINGS = {
  'related.title': { zh: '相关序列：', en: 'Related series: ' },
  'related.rows': { zh: '（{rows}）', en: ' ({rows})' },
  'related.source': { zh: '出处：', en: 'Source: ' },
  'related.colon': { zh: '：', en: ': ' },
  'related.stop': { zh: '。', en: '. ' },
}
