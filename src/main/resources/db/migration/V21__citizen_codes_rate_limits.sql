-- One-time codes of the citizens' portal: a code sent by e-mail or SMS proves that whoever signs up holds the
-- phone number or the address (the account becomes ACTIVE), or that whoever asks for a new password holds the
-- account's. One live code per account and purpose: a new one replaces the last. Only a BCrypt hash of the code is
-- kept; attempts counts the codes tried against it, and a code tried too often, or past expires_at, is worthless.
create table citizen_code (
    citizen     bigint       not null references citizen_account (id) on delete cascade,
    purpose     varchar(20)  not null check (purpose in ('ACTIVATION', 'PASSWORD_RESET')),
    code_hash   varchar(100) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    attempts    integer      not null default 0,
    primary key (citizen, purpose)
);
create index citizen_code_expires_at on citizen_code (expires_at);

-- Rate limits that hold across every node (platform.RateLimits): the hits of one key (a client address, a login,
-- a dossier code) under one limit within one fixed window. A row is deleted once its window has ended.
create table rate_limit_counter (
    name         varchar(40)  not null,
    key          varchar(254) not null,
    window_start timestamptz  not null,
    window_end   timestamptz  not null,
    hits         integer      not null,
    primary key (name, key, window_start)
);
create index rate_limit_counter_window_end on rate_limit_counter (window_end);
