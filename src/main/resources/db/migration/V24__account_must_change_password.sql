-- A password set by someone else (an administrator's reset, the first administrator's one-time password) must be
-- changed by the account's owner at the next sign-in before anything else.
alter table account add column must_change_password boolean not null default false;
