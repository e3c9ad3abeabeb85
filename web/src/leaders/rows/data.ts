/** The row of #/data: the open data sets and their downloads. */
import { fetchDatasets, type DatasetInfo } from '../api.ts'
import { renderDataPage } from '../data-page.ts'
import { row, view } from './common.ts'

export const ROW = row<DatasetInfo[]>({
  load: () => fetchDatasets(),
  render: (_state, datasets) => view(renderDataPage(datasets)),
})
