-- Fees and charges on dossiers, and their payment (Law on Fees and Charges 2015; Decree 224/2026/NĐ-CP Art. 15(1)(đ):
-- online payment wherever a fee is due).

-- catalog: what an online applicant pays instead, where a council resolution reduces a fee for online filing
-- (null: the same amount), and what waits for the payment.
alter table procedure_fee
    add column online_amount bigint check (online_amount >= 0);
alter table procedure_version
    add column payment_timing varchar(20) not null default 'NONE'
        check (payment_timing in ('NONE', 'BEFORE_ACCEPTANCE', 'BEFORE_RETURN'));

-- dossier: the fee lines due, fixed at intake from the pinned version and the channel (JSON [{name, amount}], integer
-- VND), what waits for them, and when they were paid in full.
alter table dossier
    add column fee_lines      text         not null default '[]',
    add column payment_timing varchar(20)  not null default 'NONE',
    add column fees_paid_at   timestamptz;

-- payment: the reference a dossier's transfers carry (in the VietQR bill number and transfer content), one per dossier.
create sequence payment_reference_number;
create table payment_account (
    dossier_code  varchar(60)  primary key,
    reference     varchar(20)  not null unique,
    created_at    timestamptz  not null
);

-- Every payment, refund and unmatched credit: a row each, its state moving INITIATED → PENDING → PAID or FAILED;
-- a credit the bank reported that matches no dossier's amount due is UNMATCHED until the desk resolves it. The
-- messages exchanged are appended to payment_message and never rewritten.
create table payment_transaction (
    id              bigserial    primary key,
    dossier_code    varchar(60),                        -- null: an unmatched credit not yet tied to a dossier
    method          varchar(12)  not null check (method in ('CASH', 'VIETQR', 'PLATFORM', 'REFUND')),
    amount          bigint       not null check (amount > 0),
    state           varchar(10)  not null check (state in ('INITIATED', 'PENDING', 'PAID', 'FAILED', 'UNMATCHED')),
    external_id     varchar(100),                       -- the bank's transaction ID, the platform's reference
    receipt_number  varchar(40),                        -- the desk's receipt number for cash, ours otherwise
    payer_name      varchar(100),
    content         varchar(500),                       -- the transfer content the bank posted
    created_at      timestamptz  not null,
    created_by      varchar(50)  not null,
    updated_at      timestamptz  not null,
    paid_at         timestamptz,
    resolved_at     timestamptz,                        -- an unmatched credit assigned to a dossier, or refunded
    resolved_by     varchar(50),
    resolution_note varchar(500),
    receipt_sha256  char(64),                           -- the platform's e-receipt PDF, in the file store
    lock_version    integer      not null default 0,
    unique (method, external_id)
);
create index payment_transaction_dossier on payment_transaction (dossier_code, created_at);
create index payment_transaction_unmatched on payment_transaction (created_at) where state = 'UNMATCHED';
create index payment_transaction_initiated on payment_transaction (created_at) where state = 'INITIATED';
create index payment_transaction_paid on payment_transaction (paid_at) where state = 'PAID';

create table payment_message (
    id              bigserial    primary key,
    transaction_id  bigint       not null references payment_transaction (id),
    at              timestamptz  not null,
    direction       varchar(3)   not null check (direction in ('IN', 'OUT')),
    kind            varchar(30)  not null,              -- BANK_NOTIFICATION, INIT, STATUS, RETURN, RECEIPT, DESK
    body            text         not null
);
create index payment_message_transaction on payment_message (transaction_id, id);
