import { sql, type Kysely } from 'kysely'

/**
 * Public feedback (报错 / 纠错): a correction or a data request about a service point, a region, an
 * indicator or the site, sent by anyone; stewards answer it and mark it done. The sender's contact is
 * kept for stewards only. `feedback_answer` holds the answers (several per item, in order).
 * The audit log gains the reference of a revert (`reverts_id`, the entry it undoes) and its reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table feedback (
      id bigserial primary key,
      county_code text not null,
      kind text not null check (kind in ('CORRECTION', 'DATA_REQUEST')),
      subject_type text not null check (subject_type in ('SERVICE_POINT', 'REGION', 'INDICATOR', 'SITE')),
      subject_id text not null check (length(subject_id) between 1 and 100),
      message text not null check (length(message) between 1 and 2000),
      contact text check (contact is null or length(contact) between 1 and 200),
      may_contact boolean not null default false,
      publish boolean not null default false,
      status text not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'DONE')),
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      closed_by text
    );
    create index feedback_subject_idx on feedback (subject_type, subject_id, id);
    create index feedback_status_idx on feedback (status, id);
    create table feedback_answer (
      id bigserial primary key,
      feedback_id bigint not null references feedback (id) on delete cascade,
      author text not null,
      message text not null check (length(message) between 1 and 2000),
      created_at timestamptz not null default now()
    );
    create index feedback_answer_feedback_idx on feedback_answer (feedback_id, id);
    alter table audit_log
      add column reverts_id bigint references audit_log (id),
      add column reason text check (reason is null or length(reason) between 1 and 500);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_log drop column if exists reason, drop column if exists reverts_id;
    drop table if exists feedback_answer, feedback;
  `.execute(db)
}
