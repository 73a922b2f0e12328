-- The receipt (Form 01, Circular 03/2025/TT-VPCP) prints what the desk records at intake: the number of sets
-- handed in and how the applicant chose to receive the result (at the desk, by post, online; Decree
-- 118/2025/NĐ-CP Art. 22). return_method stays what actually happened at the return.
alter table dossier
    add column set_count               smallint    not null default 1 check (set_count between 1 and 99),
    add column requested_return_method varchar(10) not null default 'DIRECT'; -- DIRECT, POSTAL, ONLINE

-- The tracking book: one book per desk, field and calendar year; a dossier's line is its order of acceptance
-- in its book, counted over the dossiers accepted since 1 January. The acceptance index carries the desk, the
-- field and the id that breaks ties, so that the receipt's "Quyển số / Số thứ tự" and the book's numbering read
-- it alone: an index of its own would cost every change of a dossier one more index entry (about 100 bytes of WAL
-- each).
drop index dossier_report_accepted;
create index dossier_report_accepted on dossier (accepted_at) include (desk_unit_code, field, id)
    where accepted_at is not null;

-- Form 02 gives the applicant the desk's telephone number to call.
alter table org_unit add column phone varchar(20);
