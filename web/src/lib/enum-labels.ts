/**
 * The enums' labels in Chinese and English: declared once in schema/enum-labels.ts (the CSV downloads' `?lang=zh`
 * writes the same words), re-exported here for the web app's modules.
 */
export { ENUM_LABELS, enumLabel, type EnumLabel, type LabelledEnum } from '../../../schema/enum-labels.ts'
