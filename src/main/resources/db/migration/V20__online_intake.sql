-- Online intake (Decree 118/2025/NĐ-CP Art. 17(2)): when the desk's check of an online dossier counts from (its
-- arrival, or the next office session when it arrived outside office hours) and by when it is due, and, while the
-- applicant is asked at intake for a supplement, by when it must arrive. All three stay null for dossiers received
-- at the desk or by post, and for online dossiers registered before this version. Added at the end of the row,
-- where columns that rarely change cost an update's WAL nothing (see V13).
alter table dossier
    add column check_counts_from timestamptz,
    add column check_due_at      timestamptz,
    add column supplement_due_at timestamptz;

-- The deadline watch looks for unanswered supplement requests; the column is set only while one is awaited, so
-- the index holds just those few dossiers however many years the table holds.
create index dossier_supplement_wait on dossier (supplement_due_at) where supplement_due_at is not null;

-- The national dashboard's flags per submitted document (the definitions of Decision 766/QĐ-TTg's service index,
-- DuocSoHoa and DuocTaiSuDung): an electronic copy is kept (digitised), the document was taken from data already
-- digitised instead of being asked again (reused).
alter table dossier_document
    add column digitised boolean not null default false,
    add column reused    boolean not null default false;
