-- A citizen changes the phone number or the e-mail address of the account. The one-time code goes to the new one,
-- which waits beside the code until the code comes back: an account only ever holds a number or an address its
-- owner has proven to hold.
alter table citizen_code drop constraint citizen_code_purpose_check;
alter table citizen_code add constraint citizen_code_purpose_check
    check (purpose in ('ACTIVATION', 'PASSWORD_RESET', 'CONTACT_CHANGE'));
alter table citizen_code
    add column new_phone varchar(11),
    add column new_email varchar(254),
    add constraint citizen_code_new_contact check (purpose = 'CONTACT_CHANGE' or new_phone is null and new_email is null);
