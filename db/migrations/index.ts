import type { Migration } from 'kysely'
import * as postgis from './2026_11_26_0700_postgis.ts'
import * as openDataModel from './2026_11_26_0710_open_data_model.ts'
import * as geographyKnnIndex from './2026_11_26_0800_geography_knn_index.ts'
import * as notifyDataChanged from './2026_11_26_0900_notify_data_changed.ts'
import * as regionAreaColumn from './2026_11_26_0910_region_area_column.ts'
import * as apiToken from './2026_11_27_0900_api_token.ts'
import * as apiTokenPurpose from './2026_12_01_2000_api_token_purpose.ts'
import * as indicatorValueStatus from './2026_12_02_0000_indicator_value_status.ts'
import * as taskStatus from './2026_12_02_0010_task_status.ts'
import * as feedback from './2026_12_02_0900_feedback.ts'
import * as userAccount from './2026_12_02_0900_user_account.ts'
import * as servicePointOpening from './2026_12_02_1000_service_point_opening.ts'
import * as noteZh from './2026_12_02_1100_note_zh.ts'
import * as indicatorRelated from './2026_12_02_1110_indicator_related.ts'
import * as taskIndicator from './2026_12_02_1120_task_indicator.ts'
import * as sourceZh from './2026_12_02_1200_source_zh.ts'

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_0700_postgis': postgis,
  '2026_11_26_0710_open_data_model': openDataModel,
  '2026_11_26_0800_geography_knn_index': geographyKnnIndex,
  '2026_11_26_0900_notify_data_changed': notifyDataChanged,
  '2026_11_26_0910_region_area_column': regionAreaColumn,
  '2026_11_27_0900_api_token': apiToken,
  '2026_12_01_2000_api_token_purpose': apiTokenPurpose,
  '2026_12_02_0000_indicator_value_status': indicatorValueStatus,
  '2026_12_02_0010_task_status': taskStatus,
  '2026_12_02_0900_feedback': feedback,
  '2026_12_02_0900_user_account': userAccount,
  '2026_12_02_1000_service_point_opening': servicePointOpening,
  '2026_12_02_1100_note_zh': noteZh,
  '2026_12_02_1110_indicator_related': indicatorRelated,
  '2026_12_02_1120_task_indicator': taskIndicator,
  '2026_12_02_1200_source_zh': sourceZh,
}
