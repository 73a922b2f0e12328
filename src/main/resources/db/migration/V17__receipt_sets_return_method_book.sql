-- The receipt (Form 01, Circular 03/2025/TT-VPCP) prints what the desk records at intake: the number of sets
-- handed in and how the applicant chose to receive the result (at the desk, by post, online; Decree
-- 118/2025/NĐ-CP Art. 22). return_method stays what actually happened at the return.
alter table dossier
    add column set_count               smallint    not null default 1 check (set_count between 1 and 99),
    add column requested_return_method varchar(10) not null default 'DIRECT'; -- DIRECT, POSTAL, ONLINE

-- The tracking book: one book per desk, field and calendar year; a dossier's line is its order of acceptance
-- in its book. This index serves both the receipt's "Quyển số / Số thứ tự" and the book's numbering.
create index dossier_book on dossier (desk_unit_code, field, accepted_at, id) where accepted_at is not null;

-- Form 02 gives the applicant the desk's telephone number to call.
alter table org_unit add column phone varchar(20);
