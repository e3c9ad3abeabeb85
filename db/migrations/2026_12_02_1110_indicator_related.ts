import { sql, type Kysely } from 'kysely'

/**
 * Related series: two indicators of a county that the plan writes as separate rows but that measure the
 * same thing on a different basis (e.g. its table's 专利质押融资登记累计金额 and its annex's
 * 知识产权质押融资贷款额). A relation is symmetric and stored once, the smaller code first
 * (`indicator_code < related_code`); `note` says (in English, `note_zh` in Chinese) how the two differ
 * or where the plan is inconsistent. Writes notify `ip_data_changed`, like the other data tables.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table indicator_relation (
      county_code text not null,
      indicator_code text not null,
      related_code text not null,
      -- = any (array[…]): what the enum checks look for (tests/db/enum-drift.test.ts); one value in (…) would read as =.
      kind text not null check (kind = any (array['SAME_MEASURE_DIFFERENT_BASIS'])),
      note text not null check (note <> ''),
      note_zh text not null check (note_zh <> ''),
      source text not null check (source <> ''),
      primary key (county_code, indicator_code, related_code),
      check (indicator_code < related_code),
      foreign key (county_code, indicator_code) references indicator (county_code, code) on delete cascade,
      foreign key (county_code, related_code) references indicator (county_code, code) on delete cascade
    );
    create index indicator_relation_related on indicator_relation (county_code, related_code);
    create trigger indicator_relation_notify_changed after insert or update or delete or truncate on indicator_relation
      for each statement execute function notify_data_changed();
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists indicator_relation`.execute(db)
}
