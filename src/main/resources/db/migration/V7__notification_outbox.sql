-- Transactional outbox of notices to citizens and units: a row is written in the transaction of the change
-- it tells about and sent after that commits, by whichever node's poller locks it first (for update skip
-- locked). Rows are never deleted while unsent; sent rows are purged after motcua.notification.keep-sent.
create table outbox_message (
    id              bigserial    primary key,
    channel         varchar(10)  not null check (channel in ('EMAIL', 'SMS')),
    kind            varchar(60)  not null,
    recipient       varchar(320) not null,
    subject         text,
    body            text         not null,
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    last_error      text
);
-- The poller's query: due rows not yet sent.
create index outbox_message_pending on outbox_message (next_attempt_at, id) where sent_at is null;
-- Statistics and the purge of old sent rows.
create index outbox_message_kind on outbox_message (kind, created_at);

create table outbox_attachment (
    message_id   bigint       not null references outbox_message (id) on delete cascade,
    position     integer      not null,
    name         varchar(255) not null,
    content_type varchar(255) not null,
    content      bytea,                                -- the file, or
    source       varchar(200),                         -- a reference rendered when the e-mail is sent
    primary key (message_id, position),
    check ((content is null) <> (source is null))
);
