import { sql, type Kysely } from 'kysely'

/**
 * What a resident asks of a station besides where it is: `opening_hours` (free text, 开放时间),
 * `contact` (the station's public phone or e-mail, never a person's) and `opened_on` (the date it
 * opened; the write path asks for it when a PLANNED station becomes ACTIVE). The English name becomes
 * optional (null where none was given: the API then shows the Chinese name); an empty one is refused.
 * Existing rows get null for the new columns: not known.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table service_point
      add column opening_hours text check (opening_hours <> ''),
      add column contact text check (contact <> ''),
      add column opened_on date,
      alter column name_en drop not null,
      add constraint service_point_name_en_not_empty check (name_en <> '');
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update service_point set name_en = name_zh where name_en is null;
    alter table service_point
      drop constraint if exists service_point_name_en_not_empty,
      alter column name_en set not null,
      drop column if exists opened_on,
      drop column if exists contact,
      drop column if exists opening_hours;
  `.execute(db)
}
