/** The rules for text people send (feedback, answers, reasons): plain text, trimmed, within a length, no HTML tags, no control characters. */
import { BadUserInputError } from '../errors.ts'

// A tag or a comment: `<b>`, `</a>`, `<img src=x>`, `<!-- … -->`; a lone `<` (as in "< 5 km") is text.
const TAG = /<\s*\/?\s*[a-zA-Z][^<>]*>|<!--|<!\[CDATA\[|<\?/
// C0 and C1 control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/**
 * The text, trimmed (line ends as `\n`), or BAD_USER_INPUT naming `argument` when it is empty, too long,
 * holds an HTML tag or a control character.
 */
export function plainText(argument: string, value: string, max: number, options: { html?: 'refuse' | 'allow' } = {}): string {
  const text = value.replace(/\r\n?/g, '\n').trim()
  if (!text) throw new BadUserInputError(argument, '不能为空 · must not be empty')
  if ([...text].length > max) throw new BadUserInputError(argument, `最多 ${max} 个字符 · at most ${max} characters (got ${[...text].length})`)
  const control = CONTROL.exec(text)
  if (control)
    throw new BadUserInputError(
      argument,
      `含有控制字符 · contains a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`,
    )
  if (options.html !== 'allow' && TAG.test(text)) {
    throw new BadUserInputError(argument, '请用纯文本，不要使用 HTML 标签 · must be plain text: HTML tags are not accepted')
  }
  return text
}
