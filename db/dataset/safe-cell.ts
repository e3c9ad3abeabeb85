/**
 * Spreadsheet-safe CSV text cells (OWASP "CSV injection"): a text cell that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would be evaluated as a formula by Excel, WPS or LibreOffice, so the
 * CSV files write it with a leading `'`, which spreadsheets read as "this cell is text". Readers of our
 * CSV (the importer, the data package loader) remove that one `'` again, so a round trip changes nothing.
 *
 * Only text columns (`type: 'string'`) are protected: numeric columns hold numbers, and `-135` there is
 * a number, not a formula. A text cell that itself starts with `'` and then one of those characters gets
 * one more `'`, so that removing one on the way back gives the value as it was.
 */
import type { FieldSchema } from './package.ts'

/** A text cell a spreadsheet would evaluate: after any `'` marks, one of `= + - @`, tab or CR. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/

/** What the field descriptions of CSV text columns say about it (Chinese first). */
export const SAFE_CELL_NOTE =
  "CSV 中以 =、+、-、@、制表符或回车开头的值前加 '（电子表格按文本显示，导入时去掉）· In CSV, a value beginning with =, +, -, @, tab or CR gets a leading ' (spreadsheets show it as text; the importer removes it)."

/** Whether `field`'s cells are protected (text columns only). */
export function isProtectedField(field: Pick<FieldSchema, 'type'>): boolean {
  return field.type === 'string'
}

/** The cell as a CSV file writes it: `=1+1` → `'=1+1` in a text column; numbers and other text unchanged. */
export function protectCell(field: Pick<FieldSchema, 'type'>, cell: string): string {
  return isProtectedField(field) && FORMULA_LIKE.test(cell) ? `'${cell}` : cell
}

/** The cell as written before {@link protectCell}: `'=1+1` → `=1+1` in a text column; anything else unchanged. */
export function unprotectCell(field: Pick<FieldSchema, 'type'>, cell: string): string {
  return isProtectedField(field) && cell.startsWith("'") && FORMULA_LIKE.test(cell.slice(1)) ? cell.slice(1) : cell
}

/** A text column's description ending with {@link SAFE_CELL_NOTE} (once). */
export function withSafeCellNote(description: string | undefined): string {
  const own = withoutSafeCellNote(description)
  return own ? `${own.replace(/[.。]?$/, '.')} ${SAFE_CELL_NOTE}` : SAFE_CELL_NOTE
}

/** The description without {@link SAFE_CELL_NOTE} (for the GeoJSON files, whose properties are not spreadsheet cells). */
export function withoutSafeCellNote(description: string | undefined): string | undefined {
  const own = description?.replace(SAFE_CELL_NOTE, '').trim()
  return own || undefined
}
