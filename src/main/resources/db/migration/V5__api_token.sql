-- Bearer API tokens for machines: only the SHA-256 of a token is stored; the token is shown once.
create table api_token (
    id            bigserial    primary key,
    username      varchar(50)  not null references account (username) on delete cascade,
    name          varchar(100) not null,
    token_hash    char(64)     not null unique,
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    revoked_at    timestamptz
);
create index api_token_user on api_token (username);
