/** The words of the GI products' pages (#/gi/<code>), their lists and their search results, by key, in Chinese (first) and English. */

export const GI_STRINGS = {
  // The product's page.
  'gi.statusTitle': { zh: '方案所述状态', en: 'Status as the plan states it' },
  'gi.planWording': { zh: '方案原文：', en: "The plan's words (Chinese): " },
  'gi.statusNote.PROTECTED_PRODUCT': {
    zh: '这是方案的说法。本平台未找到其保护公告（公告号、年份、保护范围），因此只转述方案，不断言其已获保护或登记。',
    en: 'This is what the plan says. No protection announcement (number, year, protected area) was found, so the platform repeats the plan and asserts no protection or registration.',
  },
  'gi.statusNote.CULTIVATING': {
    zh: '方案推动其申报地理标志商标；未找到任何申请或注册记录。',
    en: 'The plan pushes it to apply for a GI trademark; no application or registration was found.',
  },
  'gi.statusNote.APPLYING': { zh: '已提交申请，尚未注册。', en: 'An application is filed; it is not registered yet.' },
  'gi.statusNote.TRADEMARK_REGISTERED': { zh: '已注册为地理标志商标。', en: 'Registered as a GI trademark.' },
  'gi.ambiguous': {
    zh: '原文“{phrase}”有歧义：“合”字可能是“和”的误写，这句话既可读作“{name}是国家地理标志保护产品”，也可读作“国家地理标志保护产品”与“{name}”并列。本平台不据此断言{name}已获保护或登记。',
    en: 'The wording “{phrase}” is ambiguous: 合 may be a slip for 和 (“and”), so the sentence can mean that {name} is a national protected GI product, or name the protected GI products and {name} side by side. The platform does not read it as a registration of {name}.',
  },
  'gi.origin': { zh: '产地（乡镇）', en: 'Origin (townships)' },
  'gi.originUnknownNote': {
    zh: '方案和已查到的资料都没有写明其产地。',
    en: 'Neither the plan nor any source found says where it is produced.',
  },
  'gi.actionsTitle': { zh: '方案中的相关工作', en: "The plan's actions for it" },
  'gi.actionsNone': { zh: '方案中没有找到专门针对它的工作条目。', en: 'The plan has no task aimed at it.' },
  'gi.actionTask': { zh: '{section}第 {number} 项：{title}', en: '{section}, item {number}: {title}' },
  'gi.actionSentence': { zh: '原文：', en: 'The plan’s sentence (Chinese): ' },
  'gi.seePlan': { zh: '在“重点工作”中查看', en: 'See it among the key tasks' },
  'gi.noteEn': { zh: '说明', en: 'Note' },
  'gi.notFound': { zh: '没有代码为 {code} 的地理标志产品。', en: 'There is no GI product with the code {code}.' },
  'gi.othersTitle': { zh: '其他地理标志产品', en: 'Other GI products' },
  'gi.onMap': { zh: '在县域地图上查看产地', en: 'See its origin on the county map' },
  'history.entity.gi_product': { zh: '地理标志产品', en: 'GI product' },
} as const

/**
 * Wordings of the plan known to be ambiguous about a GI product's status: a source quoting one gets the
 * `gi.ambiguous` note. 保护产品合: "国家地理标志保护产品合新郑红枣", where 合 may stand for 和 (and).
 */
export const GI_AMBIGUOUS_WORDINGS: readonly string[] = ['保护产品合']
