import { sql, type Kysely } from 'kysely'

/**
 * The open-data model (BRIEF §2): regions, indicators and their values, GI products,
 * service points, tasks and departments, dataset metadata and the audit log.
 * Every geometry is EPSG:4326 with a GiST index. Entities other than regions (whose
 * NBS codes are national) are keyed by (county_code, code), so two counties' data
 * packages can sit side by side without mixing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table dataset (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9._-]*$'),
      county_code text not null unique,
      title text not null,
      description text,
      licenses jsonb not null default '[]'::jsonb,
      sources jsonb not null default '[]'::jsonb,
      descriptor jsonb not null,
      content_hash text not null,
      loaded_from text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table region (
      code text primary key check (code ~ '^[0-9]{6}([0-9]{3})?$'),
      county_code text not null references dataset (county_code) deferrable initially deferred,
      parent_code text references region (code) deferrable initially deferred,
      level text not null check (level in ('COUNTY', 'SUBDISTRICT', 'TOWN', 'TOWNSHIP', 'ZONE')),
      name_zh text not null check (name_zh <> ''),
      name_en text not null check (name_en <> ''),
      in_county_statistics boolean not null,
      administered_by_code text,
      administered_by_zh text,
      administered_by_en text,
      population integer check (population > 0),
      population_year smallint check (population_year between 1950 and 2100),
      population_kind text check (population_kind in ('RESIDENT', 'HOUSEHOLD_REGISTERED', 'UNSPECIFIED')),
      population_source text,
      population_note text,
      boundary geometry(MultiPolygon, 4326),
      boundary_quality text not null check (boundary_quality in ('OFFICIAL', 'APPROXIMATE', 'NONE')),
      boundary_source text,
      seat geometry(Point, 4326),
      seat_quality text check (seat_quality in ('SURVEYED', 'GEOCODED', 'APPROXIMATE')),
      seat_source text,
      source text not null check (source <> ''),
      note text,
      check ((population is null) = (population_source is null)),
      check (population is null or population_kind is not null),
      check ((boundary is null) = (boundary_quality = 'NONE')),
      check ((seat is null) = (seat_quality is null)),
      check (boundary is null or st_isvalid(boundary))
    );
    create index region_boundary_gist on region using gist (boundary);
    create index region_seat_gist on region using gist (seat);
    create index region_parent_idx on region (parent_code);
    create index region_county_idx on region (county_code);

    create table region_name (
      region_code text not null references region (code) on delete cascade,
      name_zh text not null,
      name_en text not null,
      level text not null check (level in ('COUNTY', 'SUBDISTRICT', 'TOWN', 'TOWNSHIP', 'ZONE')),
      valid_from date,
      valid_to date,
      source text not null,
      primary key (region_code, name_zh),
      check (valid_to is null or valid_from is null or valid_to >= valid_from)
    );

    create table indicator (
      county_code text not null references dataset (county_code),
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      position smallint not null,
      name_zh text not null,
      name_en text not null,
      unit text not null,
      display_unit text not null,
      display_factor numeric not null check (display_factor > 0),
      category text not null check (category in ('CREATION', 'UTILIZATION', 'PROTECTION', 'SERVICE', 'AWARENESS', 'MANAGEMENT')),
      nature text check (nature in ('EXPECTED', 'BINDING')),
      accumulation text check (accumulation in ('STOCK', 'CUMULATIVE', 'ANNUAL')),
      comparator text check (comparator in ('AT_LEAST', 'MORE_THAN', 'EXACT', 'RANGE')),
      plan_table_row smallint,
      plan_annex_row smallint,
      source text not null check (source <> ''),
      note text,
      primary key (county_code, code)
    );

    create table indicator_value (
      id serial primary key,
      county_code text not null,
      indicator_code text not null,
      region_code text not null references region (code),
      year smallint not null check (year between 1990 and 2100),
      kind text not null check (kind in ('BASELINE', 'MILESTONE', 'TARGET', 'ACTUAL')),
      value numeric not null,
      value_max numeric,
      source text not null check (source <> ''),
      note text,
      foreign key (county_code, indicator_code) references indicator (county_code, code) on delete cascade,
      unique (county_code, indicator_code, region_code, year, kind),
      check (value_max is null or value_max >= value)
    );

    create table gi_product (
      county_code text not null references dataset (county_code),
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      name_zh text not null,
      name_en text not null,
      category_zh text not null,
      category_en text not null,
      status text not null check (status in ('PROTECTED_PRODUCT', 'TRADEMARK_REGISTERED', 'APPLYING', 'CULTIVATING')),
      origin_area geometry(MultiPolygon, 4326),
      origin_area_quality text not null check (origin_area_quality in ('OFFICIAL', 'APPROXIMATE', 'NONE')),
      source text not null check (source <> ''),
      note text,
      primary key (county_code, code),
      check ((origin_area is null) = (origin_area_quality = 'NONE'))
    );
    create index gi_product_origin_gist on gi_product using gist (origin_area);

    create table gi_product_region (
      county_code text not null,
      gi_code text not null,
      region_code text not null references region (code),
      source text not null,
      note text,
      primary key (county_code, gi_code, region_code),
      foreign key (county_code, gi_code) references gi_product (county_code, code) on delete cascade
    );

    create table service_point (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]*$'),
      county_code text not null references dataset (county_code),
      name_zh text not null,
      name_en text not null,
      kind text not null check (kind in ('RIGHTS_PROTECTION_STATION', 'IP_SERVICE_STATION', 'TRADEMARK_BRAND_STATION',
        'PATENT_NAVIGATION_BASE', 'RESEARCH_CENTER', 'UNIVERSITY', 'HIGH_VALUE_PATENT_CENTER')),
      status text not null check (status in ('ACTIVE', 'PLANNED')),
      region_code text references region (code),
      address text,
      location geometry(Point, 4326),
      location_quality text not null check (location_quality in ('SURVEYED', 'GEOCODED', 'APPROXIMATE', 'UNKNOWN')),
      services text[] not null default '{}',
      source text not null check (source <> ''),
      note text,
      check ((location is null) = (location_quality = 'UNKNOWN'))
    );
    create index service_point_location_gist on service_point using gist (location);
    create index service_point_region_idx on service_point (region_code);
    create index service_point_county_idx on service_point (county_code, id);

    create table department (
      county_code text not null references dataset (county_code),
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
      position smallint not null,
      name_zh text not null,
      name_en text not null,
      kind text not null check (kind in ('LEADING_GROUP', 'OFFICE', 'UNIT', 'TOWNSHIPS')),
      member_of text,
      aliases text[] not null default '{}',
      source text not null check (source <> ''),
      note text,
      primary key (county_code, code),
      foreign key (county_code, member_of) references department (county_code, code) deferrable initially deferred
    );

    create table task (
      county_code text not null references dataset (county_code),
      code text not null check (code ~ '^[0-9]+(\.[0-9]+)*$'),
      position smallint not null,
      part text not null,
      section_label text,
      section_title text,
      number smallint,
      title text not null,
      text text not null,
      responsibility_as_written text,
      source text not null check (source <> ''),
      primary key (county_code, code)
    );

    create table task_department (
      county_code text not null,
      task_code text not null,
      department_code text not null,
      position smallint not null,
      as_written text not null,
      source text not null,
      primary key (county_code, task_code, department_code),
      foreign key (county_code, task_code) references task (county_code, code) on delete cascade,
      foreign key (county_code, department_code) references department (county_code, code) on delete cascade
    );

    create table audit_log (
      id bigserial primary key,
      actor text not null,
      action text not null,
      entity text not null,
      entity_id text not null,
      at timestamptz not null default now(),
      before jsonb,
      after jsonb
    );
    create index audit_log_entity_idx on audit_log (entity, entity_id, id desc);
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists audit_log, task_department, task, department, service_point,
      gi_product_region, gi_product, indicator_value, indicator, region_name, region, dataset cascade
  `.execute(db)
}
