/**
 * Toneless pinyin for the characters in the platform's place and station names, so a search for
 * "longhu" or "lhjd" finds 龙湖街道. A hand-kept table (about 120 characters, a few hundred bytes)
 * rather than a pinyin package: the smallest full packages weigh more than the app's own code and
 * still guess polyphones (行, 便, 和) from context. A test checks every name in the dataset is covered;
 * add characters here when a data package brings new ones.
 */
const TABLE: Record<string, string> = Object.fromEntries(
  (
    '专zhuan 业ye 中zhong 乡xiang 产chan 价jia 作zuo 便bian 保bao 值zhi 八ba 公gong 关guan 具ju 创chuang 利li ' +
    '制zhi 剂ji 务wu 助zhu 区qu 千qian 华hua 南nan 厅ting 原yuan 县xian 合he 和he 品pin 商shang 园yuan 国guo ' +
    '地di 型xing 城cheng 培pei 基ji 塑su 增zeng 大da 孟meng 学xue 家jia 容rong 寺si 导dao 射she 小xiao 山shan ' +
    '州zhou 工gong 市shi 庄zhuang 店dian 建jian 德de 心xin 技ji 指zhi 援yuan 政zheng 新xin 服fu 术shu 权quan ' +
    '村cun 林lin 枣zao 标biao 校xiao 桃tao 梨li 森sen 樱ying 民min 河he 注zhu 港gang 湖hu 烟yan 牌pai 物wu ' +
    '王wang 环huan 省sheng 知zhi 研yan 程cheng 究jiu 空kong 站zhan 米mi 红hong 级ji 维wei 综zong 育yu 航hang ' +
    '芗xiang 茨ci 草cao 药yao 薛xue 行xing 街jie 观guan 识shi 路lu 辛xin 道dao 郑zheng 郭guo 量liang 镇zhen ' +
    '院yuan 音yin 高gao 龙long'
  )
    .split(' ')
    .map((entry) => [entry[0], entry.slice(1)]),
)

/** Whether a character is a CJK ideograph. */
export const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch)

/** The pinyin syllables of a name's Han characters (characters not in the table are skipped). */
export function pinyinSyllables(text: string): string[] {
  return [...text].filter(isHan).flatMap((ch) => (TABLE[ch] ? [TABLE[ch]] : []))
}

/** Han characters of `text` that the table lacks. */
export function missingPinyin(text: string): string[] {
  return [...new Set([...text].filter((ch) => isHan(ch) && !TABLE[ch]))]
}
