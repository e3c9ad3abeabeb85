import { sql, type Kysely } from 'kysely'

/**
 * Which indicators a plan task serves, where the plan's text ties them: one row per task and
 * indicator, with `source` saying where the plan does so (the task's words that name the
 * indicator's subject, or the indicator's source citing the task's section). Written by the
 * package load and the importer (resource `task-indicators`); changes notify `ip_data_changed`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table task_indicator (
      county_code text not null,
      task_code text not null,
      indicator_code text not null,
      position smallint not null,
      source text not null check (char_length(source) between 1 and 2000),
      primary key (county_code, task_code, indicator_code),
      foreign key (county_code, task_code) references task (county_code, code) on delete cascade,
      foreign key (county_code, indicator_code) references indicator (county_code, code) on delete cascade
    );
    create index task_indicator_indicator_idx on task_indicator (county_code, indicator_code);
  `.execute(db)
  await sql`create trigger task_indicator_notify_changed after insert or update or delete or truncate on task_indicator
            for each statement execute function notify_data_changed()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists task_indicator`.execute(db)
}
