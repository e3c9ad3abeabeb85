/** The words of the Chinese CSV downloads on #/data (`/data/<file>.csv?lang=zh`), in Chinese (first) and English. */

export const DOWNLOAD_STRINGS = {
  'downloads.csvZh': { zh: 'CSV（中文表头）', en: 'CSV (Chinese headers)' },
  'downloads.csvZhNote': {
    zh: '“中文表头”版供阅读：列名为中文（含单位），类型等取值写成文字；导入时请用机读版 CSV。',
    en: 'The Chinese-header file is for reading: Chinese column names (with units), enum values in words; import the machine-readable CSV.',
  },
}
