-- The register of outgoing letters (Form 04, the apology and extension request): per issuing agency and year,
-- numbered from 01 on 1 January (Decree 30/2020/NĐ-CP Art. 15). One row lock per agency and year, safe
-- across nodes; drawn in the apology's transaction, so a refused apology leaves no gap.
create table letter_register (
    agency_code  varchar(35) not null,
    year         integer     not null,
    last         integer     not null,
    primary key (agency_code, year)
);

alter table dossier
    add column apology_number varchar(60),                 -- "Số:" of Form 04, e.g. 07/SXD-VP, kept for reprints
    add column apology_late   boolean not null default false; -- sent after the due time it replaced
