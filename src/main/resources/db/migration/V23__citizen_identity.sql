-- Citizens who sign in with an external identity provider through OpenID Connect (the national identity platform
-- VNeID or a province's single sign-on): the provider's pseudonymous subject identifier, per provider, names one
-- citizen's account for good. `provider` is the registration id in the settings
-- (spring.security.oauth2.client.registration.<id>): renaming a registration forgets its links.
create table citizen_identity (
    provider        varchar(50)  not null,
    subject         varchar(255) not null,
    citizen         bigint       not null references citizen_account (id) on delete cascade,
    linked_at       timestamptz  not null,
    last_sign_in_at timestamptz  not null,
    primary key (provider, subject)
);
create index citizen_identity_citizen on citizen_identity (citizen);

-- An account opened by a provider's sign-in has no password and may have no phone number or e-mail address of its
-- own (those the provider gives may already belong to another account, which keeps them): it signs in through the
-- provider only. Every account with a password still has something to sign in with.
alter table citizen_account drop constraint citizen_account_check;
alter table citizen_account add constraint citizen_account_sign_in
    check (phone is not null or email is not null or username is not null or password_hash is null);
