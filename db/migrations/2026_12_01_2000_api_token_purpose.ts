import { sql, type Kysely } from 'kysely'

/**
 * What a token is for, shown in the public audit log instead of its holder's name: `purpose`
 * (null for tokens made before it existed: the log then says "API token #<id>") and `public_name`,
 * the holder's opt-in to be named publicly (default false).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table api_token
      add column purpose text check (purpose is null or (length(purpose) between 1 and 200 and purpose = btrim(purpose) and purpose !~ '[[:cntrl:]]')),
      add column public_name boolean not null default false;
    create index api_token_name_idx on api_token (name, created_at);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists api_token_name_idx;
    alter table api_token drop column if exists public_name, drop column if exists purpose;
  `.execute(db)
}
