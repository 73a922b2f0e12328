-- Online filing by citizens on the portal.

-- catalog: the assurance level of electronic identity (mức độ định danh điện tử, Decree 69/2024/NĐ-CP Art. 12) an
-- account must have to file the procedure online. Level 2 is proven in person; procedures whose documents it
-- replaces (a copy of the ID card, a residence certificate) may require it. Every version so far asked level 1.
alter table procedure_version
    add column required_assurance_level smallint not null default 1 check (required_assurance_level in (1, 2));

-- portal: a dossier the citizen prepares before submitting it (hồ sơ lưu nháp): the applicant (the account's
-- holder unless filing for someone else, then with the representative and the authorisation), how the result is
-- returned, and the files, each a copy of a document of the procedure. Submitted, it keeps the dossier's code.
create table filing_draft (
    id                bigserial    primary key,
    citizen           bigint       not null,          -- citizen_account.id of the identity module
    procedure_code    varchar(40)  not null,
    procedure_version integer      not null,          -- the version in force when begun; its documents name the files
    applicant         jsonb        not null,
    representative    jsonb,
    return_method     varchar(10)  not null check (return_method in ('ONLINE', 'POSTAL', 'DIRECT')),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    submitted_at      timestamptz,
    dossier_code      varchar(60),
    submit_key        varchar(100),                   -- the Idempotency-Key the draft was submitted with
    lock_version      integer      not null default 0
);
create index filing_draft_citizen on filing_draft (citizen, updated_at desc);

-- The files of a draft, in the content-addressed file store (platform.FileStore) like the desk's scans.
create table filing_draft_file (
    id           bigserial    primary key,
    draft_id     bigint       not null references filing_draft (id) on delete cascade,
    document_id  bigint       not null,               -- procedure_document.id of the catalog
    name         varchar(255) not null,
    size         bigint       not null,
    content_type varchar(100) not null,
    sha256       char(64)     not null,
    uploaded_at  timestamptz  not null
);
create index filing_draft_file_draft on filing_draft_file (draft_id);

-- portal: the citizen's inbox (hộp thư) of status changes of their dossiers, told at once with the agency, the
-- officer who acted and the time (Decree 224/2026/NĐ-CP Art. 15(1)(g)); one row per account told.
create table citizen_notice (
    id             bigserial    primary key,
    citizen        bigint       not null,             -- citizen_account.id of the identity module
    dossier_code   varchar(60)  not null,
    procedure_name varchar(500) not null,
    status         varchar(30)  not null,
    status_code    integer      not null,
    action         varchar(40)  not null,
    agency_name    varchar(255),
    officer_name   varchar(100),
    at             timestamptz  not null,
    note           text,
    read_at        timestamptz
);
create index citizen_notice_citizen on citizen_notice (citizen, id desc);
create index citizen_notice_unread on citizen_notice (citizen) where read_at is null;

-- dossier: "my dossiers" of the portal reads the dossiers an account filed online, and those whose applicant has
-- the citizen ID a level-2 account proved. Both columns are fixed at intake, so the two indexes cost an insert one
-- entry each and no later change anything.
create index dossier_online_account on dossier (received_by, received_at desc) where channel = 'ONLINE';
create index dossier_applicant_citizen on dossier (applicant_citizen_id, received_at desc)
    where applicant_citizen_id is not null;
