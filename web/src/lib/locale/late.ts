/**
 * Every table of words but the shell's (./app.ts): each loads with the modules that use its words, which
 * add it with addStrings (web/src/lib/i18n.ts). This module is for the types and the tests; the app
 * itself never imports it, so that a page loads only the tables it uses.
 */
import { ACCOUNT_STRINGS } from './accounts.ts'
import { BRIEF_STRINGS } from './brief.ts'
import { COMPARE_PAGE_STRINGS } from './compare-page.ts'
import { COMPARE_STRINGS } from './compare.ts'
import { DATA_STRINGS } from './data.ts'
import { DOWNLOAD_STRINGS } from './downloads.ts'
import { FEEDBACK_STRINGS } from './feedback.ts'
import { FIGURE_STRINGS } from './figures.ts'
import { GI_STRINGS } from './gi.ts'
import { HISTORY_STRINGS } from './history.ts'
import { INDICATORS_STRINGS } from './indicators.ts'
import { NOTE_STRINGS } from './notes.ts'
import { PLAN_LINK_STRINGS } from './plan-links.ts'
import { PLAN_STRINGS } from './plan.ts'
import { PROGRESS_STRINGS } from './progress.ts'
import { RELATED_STRINGS } from './related.ts'
import { STATION_STRINGS } from './stations.ts'
import { TOWN_CONTEXT_STRINGS } from './town-context.ts'
import { VALUES_STRINGS } from './values.ts'

/** The late tables by name (tests read them all). */
export const LATE_TABLES = {
  ACCOUNT_STRINGS,
  BRIEF_STRINGS,
  COMPARE_PAGE_STRINGS,
  COMPARE_STRINGS,
  DATA_STRINGS,
  DOWNLOAD_STRINGS,
  FEEDBACK_STRINGS,
  FIGURE_STRINGS,
  GI_STRINGS,
  HISTORY_STRINGS,
  INDICATORS_STRINGS,
  NOTE_STRINGS,
  PLAN_LINK_STRINGS,
  PLAN_STRINGS,
  PROGRESS_STRINGS,
  RELATED_STRINGS,
  STATION_STRINGS,
  TOWN_CONTEXT_STRINGS,
  VALUES_STRINGS,
}

/** Their keys and words, as one type. */
export type LateStrings = typeof ACCOUNT_STRINGS &
  typeof BRIEF_STRINGS &
  typeof COMPARE_PAGE_STRINGS &
  typeof COMPARE_STRINGS &
  typeof DATA_STRINGS &
  typeof DOWNLOAD_STRINGS &
  typeof FEEDBACK_STRINGS &
  typeof FIGURE_STRINGS &
  typeof GI_STRINGS &
  typeof HISTORY_STRINGS &
  typeof INDICATORS_STRINGS &
  typeof NOTE_STRINGS &
  typeof PLAN_LINK_STRINGS &
  typeof PLAN_STRINGS &
  typeof PROGRESS_STRINGS &
  typeof RELATED_STRINGS &
  typeof STATION_STRINGS &
  typeof TOWN_CONTEXT_STRINGS &
  typeof VALUES_STRINGS
