-- catalog: administrative procedures (thủ tục hành chính), every version kept.
create table procedure_version (
    id                 bigserial    primary key,
    code               varchar(40)  not null,
    version            integer      not null,
    status             varchar(12)  not null,          -- DRAFT, PUBLISHED, SUPERSEDED, ABOLISHED
    name               varchar(500) not null,
    search_name        varchar(500) not null,          -- name folded: lower case, no diacritics, đ → d
    field              varchar(150) not null,
    agency_code        varchar(35),
    agency_name        varchar(255) not null,
    applicants         varchar(40)  not null,          -- CITIZEN,ORGANIZATION
    time_limit_amount  integer      not null,
    time_limit_unit    varchar(15)  not null,          -- WORKING_DAYS, WORKING_HOURS
    online_level       varchar(10)  not null,          -- FULL, PARTIAL, NONE
    result             text,
    conditions         text,
    legal_basis        text,
    clock_policy       varchar(10)  not null,          -- RESTART, PAUSE
    decision_number    varchar(60),
    decision_date      date,
    effective_from     date,
    published_at       timestamptz,
    abolished_at       timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    lock_version       integer      not null default 0,
    unique (code, version)
);
-- At most one draft and one version in force per procedure.
create unique index procedure_one_draft on procedure_version (code) where status = 'DRAFT';
create unique index procedure_one_published on procedure_version (code) where status = 'PUBLISHED';
create index procedure_published_field on procedure_version (field, search_name) where status = 'PUBLISHED';

create table procedure_document (
    id                    bigserial    primary key,
    procedure_version_id  bigint       not null references procedure_version (id) on delete cascade,
    position              integer      not null,
    name                  varchar(500) not null,
    copy_kind             varchar(20)  not null,        -- ORIGINAL, COPY, CERTIFIED_COPY
    count                 integer      not null,
    mandatory             boolean      not null,
    template_name         varchar(255)
);
create index procedure_document_version on procedure_document (procedure_version_id);

create table procedure_fee (
    procedure_version_id  bigint       not null references procedure_version (id) on delete cascade,
    position              integer      not null,
    name                  varchar(300) not null,
    amount                bigint       not null check (amount >= 0),
    note                  varchar(500),
    primary key (procedure_version_id, position)
);

create table procedure_step (
    procedure_version_id  bigint       not null references procedure_version (id) on delete cascade,
    position              integer      not null,
    step_order            integer      not null,
    name                  varchar(300) not null,
    unit_code             varchar(50)  not null,
    role                  varchar(20)  not null,
    duration_hours        integer      not null check (duration_hours > 0),
    output                varchar(300),
    primary key (procedure_version_id, position)
);
