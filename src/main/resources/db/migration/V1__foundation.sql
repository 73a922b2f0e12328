-- motcua foundation: organization, identity, audit, calendar overrides, event publication.
-- Each module owns its tables; no module reads another's (cross-module references are codes, not FKs).

-- organization -------------------------------------------------------------------------------
create table agency (
    code            varchar(35)  primary key,           -- electronic ID (mã định danh), Decision 20/2020/QĐ-TTg
    name            varchar(255) not null,
    short_name      varchar(100),
    kind            varchar(30)  not null,
    parent_code     varchar(35)  references agency (code),
    address         varchar(255),
    staffing_quota  integer      not null default 0 check (staffing_quota >= 0),
    version         integer      not null default 0
);

create table org_unit (
    code         varchar(50)  primary key,
    agency_code  varchar(35)  not null references agency (code),
    name         varchar(255) not null,
    kind         varchar(30)  not null,
    sort_order   integer      not null default 0,
    active       boolean      not null default true,
    version      integer      not null default 0
);
create index org_unit_agency on org_unit (agency_code, sort_order);

create table staff_position (
    code        varchar(50)  primary key,
    name        varchar(150) not null,
    leadership  boolean      not null default false,
    rank        integer      not null default 100
);

create table staff (
    id                bigserial    primary key,
    full_name         varchar(100) not null,
    unit_code         varchar(50)  not null references org_unit (code),
    position_code     varchar(50)  not null references staff_position (code),
    email             varchar(254),
    phone             varchar(20),
    account_username  varchar(50)  unique,
    search_name       varchar(100) not null,  -- full_name folded (no diacritics, lower case) for search
    active            boolean      not null default true,
    version           integer      not null default 0
);
create index staff_unit on staff (unit_code) where active;

-- identity -----------------------------------------------------------------------------------
create table account (
    username             varchar(50)  primary key,
    full_name            varchar(100) not null,
    password_hash        varchar(100) not null,
    unit_code            varchar(50)  not null,
    enabled              boolean      not null default true,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz  not null default now(),
    created_at           timestamptz  not null default now(),
    version              integer      not null default 0
);

create table account_role (
    username  varchar(50) not null references account (username) on delete cascade,
    role      varchar(20) not null,
    primary key (username, role)
);

-- Append-only audit log; each entry carries the hash of the previous one (a hash chain).
create table audit_entry (
    id              bigserial    primary key,
    at              timestamptz  not null,
    actor           varchar(100) not null,
    action          varchar(50)  not null,
    target          varchar(255),
    details         text,
    remote_address  varchar(64),
    previous_hash   char(64)     not null,
    hash            char(64)     not null
);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- calendar -----------------------------------------------------------------------------------
create table calendar_day_override (
    day              date         primary key,
    working          boolean      not null,
    kind             varchar(30)  not null,
    name             varchar(200) not null,
    legal_reference  varchar(200),
    updated_by       varchar(100),
    updated_at       timestamptz  not null
);

-- Bumped on every override change, so that other application nodes notice and reload.
create table calendar_revision (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);
insert into calendar_revision (id, revision) values (1, 0);

-- Spring Modulith event publication registry (transactional outbox) ---------------------------
create table event_publication (
    id                      uuid         not null primary key,
    listener_id             text         not null,
    event_type              text         not null,
    serialized_event        text         not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer,
    last_resubmission_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
