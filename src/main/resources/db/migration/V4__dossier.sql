-- dossier: the one-stop case (hồ sơ), from intake on.
create table dossier (
    id                 bigserial    primary key,
    code               varchar(60)  not null unique,     -- <agency electronic ID>-YYMMDD-NNNN
    agency_code        varchar(35)  not null,            -- receiving agency
    desk_unit_code     varchar(50)  not null,            -- the one-stop desk that received it
    procedure_code     varchar(40)  not null,
    procedure_version  integer      not null,            -- pinned: the version in force when received
    procedure_name     varchar(500) not null,
    channel            varchar(10)  not null,            -- DIRECT, POSTAL, ONLINE
    status             varchar(30)  not null,
    status_code        integer      not null,            -- national portal code 1..10
    applicant_name     varchar(100) not null,
    applicant_citizen_id varchar(12),
    applicant_phone    varchar(20),
    applicant_email    varchar(254),
    applicant_address  varchar(300),
    applicant_organization varchar(300),
    representative_name       varchar(100),
    representative_citizen_id varchar(12),
    representative_phone      varchar(20),
    representative_authorization varchar(300),
    received_at        timestamptz  not null,
    accepted_at        timestamptz,
    due_at             timestamptz,
    lookup_pin         char(6)      not null,
    supplement_items   text,                              -- JSON array [{description, reason}]
    refusal_reason     text,
    route_units        text[]       not null,             -- units of the pinned process, for scoping
    route_agencies     text[]       not null,
    search_text        text         not null,             -- code, applicant, procedure: folded
    received_by        varchar(50)  not null,
    lock_version       integer      not null default 0
);
create index dossier_desk on dossier (desk_unit_code, received_at desc);
create index dossier_agency on dossier (agency_code, received_at desc);
create index dossier_route_units on dossier using gin (route_units);
create index dossier_route_agencies on dossier using gin (route_agencies);

create table dossier_document (
    dossier_id   bigint       not null references dossier (id) on delete cascade,
    position     integer      not null,
    document_id  bigint       not null,
    name         varchar(500) not null,
    copy_kind    varchar(20)  not null,
    count        integer      not null,
    primary key (dossier_id, position)
);

-- The dossier's history: every change of status, who, when, where (the control slip starts here).
create table dossier_event (
    dossier_id   bigint       not null references dossier (id) on delete cascade,
    position     integer      not null,
    at           timestamptz  not null,
    status       varchar(30)  not null,
    status_code  integer      not null,
    action       varchar(40)  not null,
    by_user      varchar(50)  not null,
    unit_code    varchar(50),
    note         text,
    primary key (dossier_id, position)
);

-- Per-agency daily sequence of dossier codes; one row lock per agency and day, safe across nodes.
create table dossier_sequence (
    agency_code  varchar(35) not null,
    day          date        not null,
    last         integer     not null,
    primary key (agency_code, day)
);

-- Repeated submits with the same Idempotency-Key return the first result.
create table dossier_idempotency (
    username      varchar(50)  not null,
    key           varchar(100) not null,
    request_hash  char(64)     not null,
    dossier_code  varchar(60)  not null,
    created_at    timestamptz  not null,
    primary key (username, key)
);

create table dossier_file (
    id            bigserial    primary key,
    dossier_id    bigint       not null references dossier (id) on delete cascade,
    document_id   bigint,
    name          varchar(255) not null,
    size          bigint       not null,
    content_type  varchar(100) not null,
    sha256        char(64)     not null,
    uploaded_by   varchar(50)  not null,
    uploaded_at   timestamptz  not null
);
create index dossier_file_dossier on dossier_file (dossier_id);
