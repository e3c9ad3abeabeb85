/**
 * GET /data/…: the open data as files, generated from the live database on each request.
 * `/data/datapackage.json` describes them; `/data/<resource>.csv` and `/data/<resource>.geojson`
 * are the files (`?county=CODE` for another county than the default). Responses carry an ETag
 * (a hash of the body), Last-Modified (the dataset's last change) and a Content-Disposition
 * naming the file; conditional requests get 304. `?lang=zh` on a CSV file: Chinese headers (with units) and enum
 * values in words, for reading, not for the importer (./csv-zh.ts); its own ETag, so caches keep the two apart.
 */
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { HttpError, type Reply } from '../http/send.ts'
import { CSV_LANGS, type CsvLang } from './csv-zh.ts'
import { buildDataPackage, findDatasetInfo, findDownload } from './export.ts'

/** Browsers and caches may keep a copy but must revalidate it (cheaply, with the ETag): edits show at once. */
const CACHE_CONTROL = 'public, no-cache'

/**
 * Answers GET/HEAD /data/<file> of `county` (`file` is the path after /data/; empty for the index,
 * redirected to datapackage.json). The shared HTTP rules send it: compressed by Accept-Encoding, 304 by ETag or
 * Last-Modified, HEAD.
 */
export async function serveData(url: URL, file: string, db: Kysely<Database>, county: string): Promise<Reply> {
  if (file === '') return { status: 302, headers: { location: `/data/datapackage.json${url.search}`, 'cache-control': 'no-store' }, body: '' }
  const lang = csvLang(url, file)
  const dataset = await findDatasetInfo(db, county)
  if (!dataset) throw new HttpError(404, 'NOT_FOUND', `没有县 ${county} 的数据集 · No dataset for county ${county}.`, {}, { parameter: 'county' })

  let body: string
  let type: string
  let disposition: string
  if (file === 'datapackage.json') {
    body = await buildDataPackage(db, dataset)
    type = 'application/json; charset=utf-8'
    disposition = 'inline; filename="datapackage.json"'
  } else {
    const download = findDownload(file)
    if (!download) throw new HttpError(404, 'NOT_FOUND', `此处没有文件 · Nothing at ${url.pathname}: see /data/datapackage.json for the files.`)
    body = (await download.build(db, county, { lang })).body
    type = download.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/geo+json; charset=utf-8'
    disposition = `attachment; filename="${dataset.id}-${lang ? download.path.replace(/\.csv$/, `.${lang}.csv`) : download.path}"`
  }
  // 29 characters, so that a coding's tag ("…-gz") is 32 at most.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 29)}"`
  return {
    body,
    contentType: type,
    etag,
    lastModified: dataset.updatedAt,
    headers: { 'content-disposition': disposition, 'cache-control': CACHE_CONTROL },
  }
}

/** The `lang` of a request: undefined without one; refused (400, naming the parameter and its values) when unknown or not for a CSV file. */
function csvLang(url: URL, file: string): CsvLang | undefined {
  const lang = url.searchParams.get('lang')
  if (lang === null) return undefined
  const allowed = CSV_LANGS.join(', ')
  if (!(CSV_LANGS as readonly string[]).includes(lang))
    throw new HttpError(
      400,
      'BAD_USER_INPUT',
      `参数 lang 只能取 ${allowed}（中文表头），省略则为机读表头 · The parameter lang must be one of: ${allowed} (Chinese headers); leave it out for the machine headers. Got "${lang}".`,
      {},
      { parameter: 'lang', allowed: [...CSV_LANGS] },
    )
  if (!file.endsWith('.csv'))
    throw new HttpError(
      400,
      'BAD_USER_INPUT',
      `参数 lang 只用于 CSV 文件 · The parameter lang applies to the CSV files only, not to ${file}.`,
      {},
      { parameter: 'lang', allowed: [...CSV_LANGS] },
    )
  return lang as CsvLang
}
