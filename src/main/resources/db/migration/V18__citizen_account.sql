-- Citizens' and businesses' accounts on the portal (tài khoản công dân), apart from staff accounts: they sign in
-- with their phone number or e-mail address (or, for accounts an administrator names, a user name), and carry the
-- applicant data that pre-fills every form. The assurance level (mức độ định danh điện tử) is 1 or 2, as the
-- national identity platform grants it (Decree 69/2024/ND-CP, Art. 12); a level-2 account also sees the desk's
-- dossiers filed under its citizen ID.
create table citizen_account (
    id                  bigserial    primary key,
    username            varchar(50)  unique,
    full_name           varchar(100) not null,
    citizen_id          varchar(12),
    date_of_birth       date,
    phone               varchar(11),
    email               varchar(254),
    address             varchar(300),
    organization_name   varchar(200),
    tax_code            varchar(14),
    password_hash       varchar(100),
    assurance_level     smallint     not null default 1 check (assurance_level in (1, 2)),
    status              varchar(10)  not null check (status in ('PENDING', 'ACTIVE', 'DISABLED')),
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz  not null,
    created_at          timestamptz  not null,
    activated_at        timestamptz,
    check (phone is not null or email is not null or username is not null)
);
create unique index citizen_account_phone on citizen_account (phone);
create unique index citizen_account_email on citizen_account (lower(email));
create index citizen_account_citizen_id on citizen_account (citizen_id);

-- Bearer tokens of citizens' programs (an app on their phone), as staff have api_token.
create table citizen_token (
    id          bigserial    primary key,
    citizen     bigint       not null references citizen_account (id) on delete cascade,
    name        varchar(100) not null,
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index citizen_token_citizen on citizen_token (citizen);
