-- Electronic results (kết quả điện tử): the signed result of a dossier as a PDF, returned online and kept for the
-- citizen's data store (Decree 45/2020/NĐ-CP Art. 14 and 16). Each carries a result code, short and unguessable,
-- printed with a QR code on its first page; anyone holding the paper checks it at <public-url>/xac-thuc/<code>.
-- sha256 is that of the file served (the uploaded PDF with the stamp appended as an incremental update);
-- original_sha256 that of the PDF as uploaded, whose bytes begin the served file. agency_name is the agency that
-- issues the result, as the procedure version named it when the result was issued.
create table dossier_result (
    id               bigserial    primary key,
    dossier_id       bigint       not null references dossier (id) on delete cascade,
    result_code      varchar(12)  not null,
    name             varchar(500) not null,
    file_name        varchar(255) not null,
    size             bigint       not null,
    sha256           char(64)     not null,
    original_sha256  char(64)     not null,
    agency_name      varchar(255) not null,
    issued_by        varchar(50)  not null,
    issued_at        timestamptz  not null,
    constraint dossier_result_code_key unique (result_code)
);
create index dossier_result_dossier on dossier_result (dossier_id);

-- Form templates (mẫu đơn, tờ khai) of a procedure version's documents (Decree 63/2010/NĐ-CP Art. 8), published
-- for citizens to download. Keyed by the document's name within its version: the catalogue rewrites a version's
-- document rows (and their ids) whenever it saves the version, but not their names. A new draft version takes
-- over the templates of the version in force for the documents it keeps.
create table procedure_document_template (
    procedure_version_id  bigint       not null references procedure_version (id) on delete cascade,
    document_name         varchar(500) not null,
    file_name             varchar(255) not null,
    content_type          varchar(100) not null,
    size                  bigint       not null,
    sha256                char(64)     not null,
    uploaded_by           varchar(50)  not null,
    uploaded_at           timestamptz  not null,
    primary key (procedure_version_id, document_name)
);
