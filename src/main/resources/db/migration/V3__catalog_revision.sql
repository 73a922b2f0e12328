-- Bumped whenever the published catalogue changes, so that every node rebuilds its in-memory search index.
create table catalog_revision (
    id        integer primary key check (id = 1),
    revision  bigint  not null
);
insert into catalog_revision (id, revision) values (1, 0);
