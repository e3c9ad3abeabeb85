import { sql, type Kysely } from 'kysely'

/**
 * The latest reported progress of a plan task, per responsible unit: one row per task and unit
 * (`department_code`, or `*` for the task as a whole), replaced by each new report; earlier reports
 * and who made them are in the audit log. A task without a row has not been reported on.
 * `progress_note` is at most 500 characters; `evidence_url` an http(s) URL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table task_status (
      county_code text not null,
      task_code text not null,
      department_code text not null check (department_code = '*' or department_code ~ '^[a-z0-9][a-z0-9-]*$'),
      status text not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
      status_date date not null,
      progress_note text check (char_length(progress_note) between 1 and 500),
      evidence_url text check (evidence_url ~ '^https?://[^[:space:]]+$' and char_length(evidence_url) <= 2000),
      primary key (county_code, task_code, department_code),
      foreign key (county_code, task_code) references task (county_code, code) on delete cascade
    );
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists task_status`.execute(db)
}
