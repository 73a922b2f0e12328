-- Page sessions (staff and citizens' pages) kept in the database rather than in one node's memory, so that any node
-- serves any signed-in browser and a node's death signs nobody out (Spring Session JDBC; its schema for PostgreSQL,
-- created here rather than by Spring's initializer so that every node and every upgrade gets it the same way).
-- Times are milliseconds since the epoch, as Spring Session writes them.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
-- The purge of expired sessions (one node at a time) deletes by expiry.
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- Each attribute (the security context, the CSRF token, flash attributes across a redirect) Java-serialized.
create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
