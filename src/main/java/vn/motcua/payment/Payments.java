package vn.motcua.payment;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.DossierFees;
import vn.motcua.dossier.DossierFees.Statement;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.FileStore;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.Formats;

/**
 * The payments of dossiers' fees: what each dossier owes and has paid, the desk's cash, refunds of an overpayment,
 * and the credits the desk must resolve. Money is integer VND throughout.
 *
 * <p>Every payment that may settle a dossier is written under a lock on that dossier's payment account row
 * ({@code select … for update}), so two payments arriving at once are counted one after the other: exactly one of
 * them completes the amount due, the other is kept as an overpayment (UNMATCHED) for the desk. The dossier is told
 * it is paid ({@link DossierFees#paid}) after the payment's commit; a crash between the two is caught up by the
 * next read of the dossier's payment ({@link #settleIfPaid}).
 */
@Service
public class Payments {

    /** A dossier's transfer reference: {@code MC} and 8 digits, short enough for any bank's transfer content. */
    static final Pattern REFERENCE = Pattern.compile("MC\\s?(\\d{8,12})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOSSIER_CODE = Pattern.compile("[0-9A-Z.]{5,35}-\\d{6}-\\d{4,}",
            Pattern.CASE_INSENSITIVE);
    private static final long MAX_AMOUNT = 1_000_000_000_000L;
    private static final String SELECT = "select * from payment_transaction";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final DossierFees fees;
    private final PaymentSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReceiptPdf receipts;
    private final FileStore files;
    private final MessageSource messages;

    Payments(JdbcClient jdbc, DossierFees fees, PaymentSettings settings, TransactionTemplate transaction,
            Clock clock, ReceiptPdf receipts, FileStore files, MessageSource messages) {
        this.receipts = receipts;
        this.files = files;
        this.messages = messages;
        this.jdbc = jdbc;
        this.fees = fees;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    public enum Method { CASH, VIETQR, PLATFORM, REFUND }

    public enum State { INITIATED, PENDING, PAID, FAILED, UNMATCHED }

    /** UNPAID: something is due and nothing waits for confirmation; PENDING: a payment waits for it. */
    public enum Status { UNPAID, PENDING, PAID }

    public record Line(String name, long amount) {}

    /** The VietQR payload for the amount outstanding, and where its image is. */
    public record VietQrView(String payload, String imageUrl, String bankName, String accountNumber,
            String accountName, String transferContent) {}

    /**
     * A transaction as the desk and the applicant see it: {@code reference} is the desk's receipt number for cash,
     * the bank's transaction ID for a transfer, the platform's reference for a platform payment.
     */
    public record Transaction(long id, String dossierCode, Method method, long amount, State state, String reference,
            String payerName, String content, OffsetDateTime createdAt, OffsetDateTime paidAt, String createdBy,
            OffsetDateTime resolvedAt, String resolutionNote, boolean hasReceipt) {}

    /**
     * A dossier's payment: {@code amountDue} is the total of the fee lines, {@code amountPaid} what was paid less
     * what was refunded (an unmatched credit counts once the desk assigns it).
     */
    public record Summary(String dossierCode, String procedureName, String applicantName, long amountDue,
            long amountPaid, long outstanding, String currency, Status status, List<Line> lines, String reference,
            VietQrView vietQr, List<Transaction> transactions, PaymentTiming timing, boolean awaiting,
            boolean open) {}

    /** The payment of a dossier the member of staff may see (404 otherwise). */
    public Summary summary(String code, StaffUser caller) {
        return summary(fees.statement(code, caller), "/api/v1/dossiers/");
    }

    /** The payment of one of the applicant's dossiers (404 for anyone else's). */
    public Summary summary(ApplicantDossiers.Owner owner, String code) {
        return summary(fees.statement(owner, code), "/api/citizen/v1/dossiers/");
    }

    /** The VietQR payload of the amount outstanding, when there is one and an account to pay into. */
    public Optional<String> vietQrPayload(String code, StaffUser caller) {
        return Optional.ofNullable(summary(code, caller).vietQr()).map(VietQrView::payload);
    }

    public Optional<String> vietQrPayload(ApplicantDossiers.Owner owner, String code) {
        return Optional.ofNullable(summary(owner, code).vietQr()).map(VietQrView::payload);
    }

    /**
     * Cash paid at the desk (RECEPTION of the desk that holds the dossier, or an administrator), with the number of
     * the receipt the desk wrote, before the result is returned. The same receipt number sent again for the same
     * dossier and amount returns the first record (a repeated submit); for anything else it is a 409.
     */
    public Transaction recordCash(String code, Long amount, String receiptNumber, StaffUser by) {
        Statement statement = deskStatement(code, by);
        String number = receiptNumber == null ? "" : receiptNumber.strip();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (amount == null || amount <= 0 || amount > MAX_AMOUNT) {
            errors.add(new ProblemException.FieldError("amount", "payment.amount.invalid"));
        }
        if (number.isEmpty() || number.length() > 40) {
            errors.add(new ProblemException.FieldError("receiptNumber", "payment.receipt-number.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        Optional<Transaction> earlier = find(Method.CASH, number);
        if (earlier.isPresent()) {
            if (code.equals(earlier.get().dossierCode()) && amount == earlier.get().amount()) {
                return earlier.get();
            }
            throw ProblemException.conflict("payment.receipt-number.used", number);
        }
        requireOpen(statement);
        Transaction recorded;
        try {
            recorded = transaction.execute(status -> {
                lockAccount(code);
                // The desk takes what is owed, not more: an overpayment in cash is a slip of the keyboard.
                if (amount > statement.total() - paid(code)) {
                    throw ProblemException.conflict("payment.cash.more-than-due", code,
                            Formats.vnd(Math.max(0, statement.total() - paid(code))));
                }
                Instant now = now();
                long id = insert(code, Method.CASH, amount, State.PAID, number, number, statement.applicantName(),
                        null, now, by.username(), now);
                message(id, "IN", "DESK", "{\"amount\":" + amount + ",\"receiptNumber\":\"" + json(number) + "\"}",
                        now);
                return get(id);
            });
        } catch (DuplicateKeyException e) {
            // The same receipt recorded at the same moment by another request: answered as a repeat, above.
            return recordCash(code, amount, receiptNumber, by);
        }
        settleIfPaid(statement, by.username());
        return recorded;
    }

    /**
     * An overpayment paid back to the applicant, recorded (the transfer itself is made by the agency's accountant):
     * at most what was paid beyond the amount due.
     */
    public Transaction recordRefund(String code, Long amount, String reference, String note, StaffUser by) {
        Statement statement = deskStatement(code, by);
        String ref = reference == null ? "" : reference.strip();
        if (amount == null || amount <= 0 || amount > MAX_AMOUNT) {
            throw ProblemException.invalid("amount", "payment.amount.invalid");
        }
        if (ref.isEmpty() || ref.length() > 40) {
            throw ProblemException.invalid("reference", "payment.receipt-number.invalid");
        }
        return transaction.execute(status -> {
            lockAccount(code);
            long over = paid(code) - statement.total();
            if (amount > over) {
                throw ProblemException.conflict("payment.refund.more-than-overpaid", code);
            }
            if (find(Method.REFUND, ref).isPresent()) {
                throw ProblemException.conflict("payment.receipt-number.used", ref);
            }
            Instant now = now();
            long id = insert(code, Method.REFUND, amount, State.PAID, ref, ref, statement.applicantName(),
                    note == null ? null : truncate(note.strip(), 500), now, by.username(), now);
            message(id, "OUT", "DESK", "{\"refund\":" + amount + "}", now);
            return get(id);
        });
    }

    /**
     * The credits waiting for the desk: those that named a dossier go to that dossier's desk; those that named
     * none are shown to every desk officer, who alone can tell whose they are.
     */
    public List<Transaction> unmatched(StaffUser by) {
        requireDeskOfficer(by);
        return jdbc.sql(SELECT + " where state = 'UNMATCHED' and resolved_at is null order by created_at")
                .query(Payments::transaction).list().stream()
                .filter(t -> t.dossierCode() == null || by.has(Role.ADMIN) || fees.statement(t.dossierCode())
                        .map(s -> s.deskUnitCode().equals(by.unitCode())).orElse(false))
                .toList();
    }

    /** The desk ties an unmatched credit to a dossier it holds: it counts toward what that dossier paid. */
    public Transaction assign(long id, String code, String note, StaffUser by) {
        Transaction credit = pendingCredit(id, by);
        Statement statement = deskStatement(code == null ? "" : code.strip(), by);
        requireOpen(statement);
        Transaction assigned = transaction.execute(status -> {
            lockAccount(statement.code());
            Instant now = now();
            int changed = jdbc.sql("""
                    update payment_transaction set dossier_code = ?, state = 'PAID', paid_at = ?, updated_at = ?,
                        resolved_at = ?, resolved_by = ?, resolution_note = ?, lock_version = lock_version + 1
                    where id = ? and state = 'UNMATCHED' and resolved_at is null""")
                    .params(statement.code(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                            by.username(), note == null ? null : truncate(note.strip(), 500), id)
                    .update();
            if (changed == 0) {
                throw ProblemException.conflict("payment.unmatched.resolved", id);
            }
            message(id, "IN", "DESK", "{\"assignedTo\":\"" + json(statement.code()) + "\"}", now);
            return get(id);
        });
        settleIfPaid(statement, by.username());
        return assigned == null ? credit : assigned;
    }

    /** The desk records that an unmatched credit was sent back to the payer (by the accountant), with why. */
    public Transaction returnToPayer(long id, String note, StaffUser by) {
        pendingCredit(id, by);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw ProblemException.invalid("note", "payment.note.required");
        }
        Instant now = now();
        int changed = jdbc.sql("""
                update payment_transaction set updated_at = ?, resolved_at = ?, resolved_by = ?, resolution_note = ?,
                    lock_version = lock_version + 1
                where id = ? and state = 'UNMATCHED' and resolved_at is null""")
                .params(Timestamp.from(now), Timestamp.from(now), by.username(), text, id).update();
        if (changed == 0) {
            throw ProblemException.conflict("payment.unmatched.resolved", id);
        }
        message(id, "OUT", "DESK", "{\"returnedToPayer\":true}", now);
        return get(id);
    }

    /** A payment's receipt, as a PDF file to download. */
    public record Receipt(String fileName, byte[] content) {}

    /** The receipt of a payment of a dossier the member of staff may see (404 for another dossier's or a refund). */
    public Receipt receipt(String code, long id, StaffUser caller) throws IOException {
        return receipt(fees.statement(code, caller), id);
    }

    /** The receipt of a payment of one of the applicant's dossiers (404 for anyone else's). */
    public Receipt receipt(ApplicantDossiers.Owner owner, String code, long id) throws IOException {
        return receipt(fees.statement(owner, code), id);
    }

    /**
     * The platform's e-receipt when it sent one (biên lai điện tử, kept as received), else ours: the fee lines when
     * the payment covered them all, one line for the dossier's fees otherwise.
     */
    private Receipt receipt(Statement statement, long id) throws IOException {
        Transaction t = jdbc.sql(SELECT + " where id = ? and dossier_code = ? and state = 'PAID' and method <> 'REFUND'")
                .params(id, statement.code()).query(Payments::transaction).optional()
                .orElseThrow(() -> ProblemException.notFound("payment.receipt.not-found", id));
        String name = "bien-lai-" + statement.code() + "-" + id + ".pdf";
        String stored = jdbc.sql("select receipt_sha256 from payment_transaction where id = ?").param(id)
                .query(String.class).optional().orElse(null);
        if (stored != null) {
            try (InputStream in = files.open(stored)) {
                return new Receipt(name, in.readAllBytes());
            }
        }
        List<ReceiptPdf.Line> lines = t.amount() == statement.total()
                ? statement.lines().stream().map(l -> new ReceiptPdf.Line(l.name(), l.amount())).toList()
                : List.of(new ReceiptPdf.Line(messages.getMessage("payment.receipt.part", new Object[] {statement.code()},
                        VIETNAMESE), t.amount()));
        String number = t.method() == Method.CASH ? t.reference() : "TT" + String.format("%08d", t.id());
        return new Receipt(name, receipts.render(new ReceiptPdf.ReceiptData(statement.agencyName(), number,
                statement.code(), statement.procedureName(), statement.applicantName(), statement.applicantAddress(),
                lines, t.amount(), messages.getMessage("payment.method." + t.method(), null, VIETNAMESE),
                t.method() == Method.CASH ? null : t.reference(), t.paidAt().toInstant(), null)));
    }

    /** Whether any payment was recorded yet (the demo loads its payments once). */
    public boolean anyRecorded() {
        return jdbc.sql("select exists (select from payment_transaction)").query(Boolean.class).single();
    }

    /**
     * A payment made before this system recorded it — migrated from the province's previous system, or the demo's
     * history — for a dossier already recorded paid: written as it was, without telling the dossier again. The same
     * reference twice for the method is skipped.
     */
    public void importPaid(Statement statement, Method method, String reference, Instant at, String by) {
        if (find(method, reference).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            long id = insert(statement.code(), method, statement.total(), State.PAID, reference,
                    method == Method.CASH ? reference : null, statement.applicantName(),
                    method == Method.VIETQR ? "LEPHI " + reference(statement.code()) : null, at, by, at);
            message(id, "IN", "IMPORT", "{\"imported\":true}", at);
        });
    }

    // --- what the bank notifications and the platform build on ---------------------------------

    /** The dossier a transfer's content names: by its payment reference, else by its code. */
    Optional<String> dossierNamedIn(String content) {
        if (content == null) {
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(content);
        while (reference.find()) {
            Optional<String> code = jdbc.sql("select dossier_code from payment_account where reference = ?")
                    .param("MC" + reference.group(1)).query(String.class).optional();
            if (code.isPresent()) {
                return code;
            }
        }
        Matcher code = DOSSIER_CODE.matcher(content);
        while (code.find()) {
            Optional<Statement> statement = fees.statement(code.group().toUpperCase(java.util.Locale.ROOT));
            if (statement.isPresent()) {
                return Optional.of(statement.get().code());
            }
        }
        return Optional.empty();
    }

    /** Locks the dossier's payment account row (created on first use) until the caller's transaction ends. */
    String lockAccount(String code) {
        reference(code);
        return jdbc.sql("select reference from payment_account where dossier_code = ? for update").param(code)
                .query(String.class).single();
    }

    /** What the dossier paid (less refunds), under the caller's lock. */
    long paid(String code) {
        return jdbc.sql("""
                select coalesce(sum(case when method = 'REFUND' then -amount else amount end), 0)
                from payment_transaction where dossier_code = ? and state = 'PAID'""")
                .param(code).query(Long.class).single();
    }

    /** Tells the dossier it is paid when the payments cover its fees and it does not know yet. */
    void settleIfPaid(Statement statement, String by) {
        if (statement.paidAt() == null && statement.total() > 0 && paid(statement.code()) >= statement.total()) {
            fees.paid(statement.code(), by);
        }
    }

    long insert(String code, Method method, long amount, State state, String externalId, String receiptNumber,
            String payerName, String content, Instant at, String by, Instant paidAt) {
        return jdbc.sql("""
                insert into payment_transaction (dossier_code, method, amount, state, external_id, receipt_number,
                    payer_name, content, created_at, created_by, updated_at, paid_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(code, method.name(), amount, state.name(), externalId, receiptNumber,
                        payerName == null ? null : truncate(payerName, 100), content == null ? null : truncate(content, 500),
                        Timestamp.from(at), by, Timestamp.from(at), paidAt == null ? null : Timestamp.from(paidAt))
                .query(Long.class).single();
    }

    void message(long transactionId, String direction, String kind, String body, Instant at) {
        jdbc.sql("insert into payment_message (transaction_id, at, direction, kind, body) values (?, ?, ?, ?, ?)")
                .params(transactionId, Timestamp.from(at), direction, kind, body).update();
    }

    Optional<Transaction> find(Method method, String externalId) {
        return jdbc.sql(SELECT + " where method = ? and external_id = ?").params(method.name(), externalId)
                .query(Payments::transaction).optional();
    }

    Transaction get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Payments::transaction).single();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // --- ------------------------------------------------------------------------------------------

    private Summary summary(Statement statement, String apiBase) {
        settleIfPaid(statement, "payment:catch-up");
        String code = statement.code();
        String reference = statement.total() > 0 ? reference(code) : null;
        List<Transaction> transactions = jdbc.sql(SELECT + " where dossier_code = ? order by created_at, id")
                .param(code).query(Payments::transaction).list();
        long paid = transactions.stream().filter(t -> t.state() == State.PAID)
                .mapToLong(t -> t.method() == Method.REFUND ? -t.amount() : t.amount()).sum();
        long outstanding = Math.max(0, statement.total() - paid);
        boolean waiting = transactions.stream().anyMatch(t -> t.state() == State.INITIATED || t.state() == State.PENDING);
        Status status = outstanding == 0 ? Status.PAID : waiting ? Status.PENDING : Status.UNPAID;
        VietQrView qr = null;
        if (outstanding > 0 && statement.open() && settings.vietqr().configured()) {
            String content = "LEPHI " + reference;
            String payload = VietQr.payload(new VietQr.Transfer(settings.vietqr().bankBin(),
                    settings.vietqr().accountNumber(), outstanding, reference, content, true));
            qr = new VietQrView(payload, apiBase + code + "/payment/qr.png", settings.vietqr().bankName(),
                    settings.vietqr().accountNumber(), settings.vietqr().accountName(), content);
        }
        return new Summary(code, statement.procedureName(), statement.applicantName(), statement.total(), paid,
                outstanding, "VND", status, statement.lines().stream().map(l -> new Line(l.name(), l.amount())).toList(),
                reference, qr, transactions, statement.timing(), statement.awaiting(), statement.open());
    }

    /**
     * The dossier's transfer reference, drawn on first use. Read first: the insert's {@code nextval} is spent even
     * when the row exists, and the citizen's payment page asks for the summary every few seconds while it is open,
     * which would spend the 8-digit references ({@link #REFERENCE}) by the hundred per payment.
     */
    public String reference(String code) {
        Optional<String> drawn = jdbc.sql("select reference from payment_account where dossier_code = ?").param(code)
                .query(String.class).optional();
        if (drawn.isPresent()) {
            return drawn.get();
        }
        jdbc.sql("""
                insert into payment_account (dossier_code, reference, created_at)
                values (?, 'MC' || lpad(nextval('payment_reference_number')::text, 8, '0'), ?)
                on conflict (dossier_code) do nothing""")
                .params(code, Timestamp.from(now())).update();
        return jdbc.sql("select reference from payment_account where dossier_code = ?").param(code)
                .query(String.class).single();
    }

    /** The desk that holds the dossier (RECEPTION there) or an administrator; other staff who see it get a 403. */
    private Statement deskStatement(String code, StaffUser by) {
        Statement statement = fees.statement(code, by);
        if (!by.has(Role.ADMIN) && !(by.has(Role.RECEPTION) && statement.deskUnitCode().equals(by.unitCode()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "payment.desk-only");
        }
        return statement;
    }

    private static void requireOpen(Statement statement) {
        if (!statement.open()) {
            throw ProblemException.conflict("payment.dossier-closed", statement.code());
        }
    }

    private static void requireDeskOfficer(StaffUser by) {
        if (!by.has(Role.ADMIN) && !by.has(Role.RECEPTION)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "payment.desk-only");
        }
    }

    /** An unmatched credit not yet resolved that the officer may see (404 otherwise). */
    private Transaction pendingCredit(long id, StaffUser by) {
        return unmatched(by).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("payment.unmatched.not-found", id));
    }

    private static Transaction transaction(ResultSet rs, int n) throws SQLException {
        Method method = Method.valueOf(rs.getString("method"));
        return new Transaction(rs.getLong("id"), rs.getString("dossier_code"), method, rs.getLong("amount"),
                State.valueOf(rs.getString("state")),
                method == Method.CASH || method == Method.REFUND ? rs.getString("receipt_number") : rs.getString("external_id"),
                rs.getString("payer_name"), rs.getString("content"), time(rs.getTimestamp("created_at")),
                time(rs.getTimestamp("paid_at")), rs.getString("created_by"), time(rs.getTimestamp("resolved_at")),
                rs.getString("resolution_note"), rs.getString("state").equals("PAID") && !method.equals(Method.REFUND));
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
