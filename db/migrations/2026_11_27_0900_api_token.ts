import { sql, type Kysely } from 'kysely'

/**
 * Bearer tokens for editors and administrators. Only a SHA-256 hash of each token is kept;
 * `id` is the token's public part, used to find the row before comparing hashes. A revoked
 * token keeps its row (the audit log names its holder), so a name is unique among live tokens only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table api_token (
      id text primary key check (id ~ '^[0-9a-f]{16}$'),
      name text not null check (length(name) between 1 and 64 and name = btrim(name) and name !~ '[[:cntrl:]]'),
      role text not null check (role in ('editor', 'admin')),
      token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create unique index api_token_live_name on api_token (name) where revoked_at is null;
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists api_token`.execute(db)
}
