import { sql, type Kysely } from 'kysely'

/**
 * How settled a value is: `status` PROVISIONAL, FINAL or REVISED (a REVISED value must say why, in its note).
 * Existing rows get null, "not stated": the plan's own figures (BASELINE, MILESTONE, TARGET) have no status,
 * and no ACTUAL recorded before this said how final it was.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table indicator_value
      add column status text check (status in ('PROVISIONAL', 'FINAL', 'REVISED')),
      add constraint indicator_value_revised_note check (status is distinct from 'REVISED' or coalesce(btrim(note), '') <> '');
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table indicator_value drop constraint if exists indicator_value_revised_note, drop column if exists status`.execute(db)
}
