import { sql, type Kysely } from 'kysely'

/**
 * Stewards' accounts. `app_user`: a username (unique, case-insensitively), a display name (the actor in
 * the audit log), a scrypt hash with its parameters and salt (`scrypt$N$r$p$salt$hash`, base64url), a role,
 * a disabled flag, and the failed sign-ins since the last success (`failed_count`, `locked_until`: the
 * growing delay). `app_user_region`: the regions a township editor may edit (must exist).
 * `user_session`: a signed-in browser; only a SHA-256 of the session id is kept; sign-out deletes the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table app_user (
      id bigint generated always as identity primary key,
      username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
      display_name text not null check (length(display_name) between 1 and 64 and display_name = btrim(display_name) and display_name !~ '[[:cntrl:]]'),
      password_hash text not null check (password_hash ~ '^scrypt\\$[0-9]+\\$[0-9]+\\$[0-9]+\\$[A-Za-z0-9_-]+\\$[A-Za-z0-9_-]+$'),
      role text not null check (role in ('township-editor', 'editor', 'admin')),
      disabled boolean not null default false,
      must_change_password boolean not null default true,
      failed_count integer not null default 0 check (failed_count >= 0),
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index app_user_username on app_user (username);
    create table app_user_region (
      user_id bigint not null references app_user (id) on delete cascade,
      region_code text not null references region (code),
      primary key (user_id, region_code)
    );
    create index app_user_region_region on app_user_region (region_code);
    create table user_session (
      id_hash text primary key check (id_hash ~ '^[0-9a-f]{64}$'),
      user_id bigint not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      check (expires_at > created_at)
    );
    create index user_session_user on user_session (user_id);
    create index user_session_expires on user_session (expires_at);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists user_session;
    drop table if exists app_user_region;
    drop table if exists app_user;
  `.execute(db)
}
