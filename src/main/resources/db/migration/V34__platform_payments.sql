-- Payments through the national public-service portal's payment platform (Decree 224/2026/NĐ-CP Art. 15(1)(đ)).

-- Where the platform sends the citizen to pay (UrlThanhToan), kept so that a second click within a quarter of an hour
-- is sent to the same payment page instead of initiating a second payment; and the Idempotency-Key of the request
-- that started it, one attempt per key and account.
alter table payment_transaction
    add column payment_url     varchar(1000),
    add column idempotency_key varchar(100);
create unique index payment_transaction_idempotency on payment_transaction (created_by, idempotency_key)
    where idempotency_key is not null;

-- What the reconciliation asks the platform about: platform payments not yet known paid or failed, by age.
create index payment_transaction_platform_open on payment_transaction (created_at)
    where method = 'PLATFORM' and state in ('INITIATED', 'PENDING');
-- And those the platform confirmed whose e-receipt could not be fetched yet.
create index payment_transaction_platform_no_receipt on payment_transaction (created_at)
    where method = 'PLATFORM' and state in ('PAID', 'UNMATCHED') and receipt_sha256 is null;
