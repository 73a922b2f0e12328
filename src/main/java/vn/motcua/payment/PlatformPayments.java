package vn.motcua.payment;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.DossierFees;
import vn.motcua.dossier.DossierFees.Statement;
import vn.motcua.payment.NationalPaymentPlatform.Beneficiary;
import vn.motcua.payment.NationalPaymentPlatform.Fee;
import vn.motcua.payment.NationalPaymentPlatform.Init;
import vn.motcua.payment.NationalPaymentPlatform.InitRequest;
import vn.motcua.payment.NationalPaymentPlatform.Payer;
import vn.motcua.payment.NationalPaymentPlatform.ReceiptInfo;
import vn.motcua.payment.Payments.Method;
import vn.motcua.payment.Payments.State;
import vn.motcua.payment.Payments.Transaction;
import vn.motcua.shared.IdempotencyKey;
import vn.motcua.shared.ProblemException;

/**
 * A citizen's payment of a dossier's fees through the national public-service portal's payment platform, from end to
 * end (Decree 224/2026/NĐ-CP Art. 15(1)(đ): online payment wherever a fee is due).
 * <ol>
 * <li>{@link #start}: the amount outstanding is recorded as a PLATFORM transaction INITIATED under the reference
 *     ({@code MaThamChieu}) {@code dvc} + the dossier code without its punctuation + the time, the platform is sent
 *     an INIT, and the citizen is given the platform's payment page.</li>
 * <li>{@link #returned}: the platform sends the citizen back; the return is believed only when its
 *     {@code secureCode} verifies, and even then it only says that the citizen came back — the payment is
 *     {@link #confirm confirmed} by the server-side status query, never by the browser.</li>
 * <li>{@link PaymentReconciliation}: what neither the return nor the citizen settled is asked about again later.</li>
 * </ol>
 * Every message exchanged is kept with the transaction ({@code payment_message}); none carries the secret, only the
 * checksums made with it. A payment the platform confirms pays up to what the dossier still owes; beyond it (the
 * dossier was paid meanwhile at the desk, or the platform reports another amount) it is kept UNMATCHED for the desk.
 * A confirmed payment's e-receipt is fetched from the platform and kept in the file store.
 */
@Service
public class PlatformPayments {

    /** A payment page opened this recently for the same amount is offered again rather than a second INIT. */
    static final Duration REUSE_WITHIN = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(PlatformPayments.class);
    private static final String ATTEMPT =
            "select id, dossier_code, external_id, amount, state, payment_url, created_at from payment_transaction ";

    private final Payments payments;
    private final DossierFees fees;
    private final NationalPaymentPlatform platform;
    private final PlatformConfirmation confirmation;
    private final PaymentPlatformSettings settings;
    private final PaymentSettings accounts;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlatformPayments(Payments payments, DossierFees fees, NationalPaymentPlatform platform,
            PlatformConfirmation confirmation, PaymentPlatformSettings settings, PaymentSettings accounts,
            TransactionTemplate transaction, JdbcClient jdbc, JsonMapper json) {
        this.payments = payments;
        this.fees = fees;
        this.platform = platform;
        this.confirmation = confirmation;
        this.settings = settings;
        this.accounts = accounts;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A payment started: where to send the citizen, the platform's reference and the amount.
     *
     * @param repeated an earlier attempt answered again (the same {@code Idempotency-Key}, or a payment page opened
     *     less than {@link #REUSE_WITHIN} ago for the same amount); no INIT was sent
     */
    public record Started(String reference, String paymentUrl, long amount, boolean repeated) {}

    /** What the platform's answer made of a payment. */
    public enum Outcome {
        /** Paid: it counts toward the dossier's fees. */
        PAID,
        /** Received, but more than the dossier owed (or another amount than asked): the desk resolves it. */
        UNMATCHED,
        /** The platform says it failed: nothing was paid; the citizen may start again. */
        FAILED,
        /** The platform does not know yet (or did not say): asked again later. */
        PENDING,
        /** The platform could not be reached: the transaction is as it was, asked again later. */
        UNANSWERED
    }

    /** The citizen's return: the dossier the payment was for, and what the status query made of it. */
    public record Returned(String dossierCode, Outcome outcome) {}

    /**
     * Starts a payment of what one of the owner's dossiers still owes (404 for anyone else's dossier; 409 while the
     * platform is not enabled, when nothing is due, or once the dossier was returned or ended).
     *
     * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}: the same key again answers the
     *     first attempt (its payment page, or its failure) instead of starting another
     * @param clientAddress the citizen's address, which the platform asks for ({@code Ip})
     * @throws ProblemException 502 when the platform refuses the payment (the transaction is FAILED), 503 when it
     *     cannot be reached (the transaction stays INITIATED: the platform may have received it, and the
     *     reconciliation asks about it later)
     */
    public Started start(ApplicantDossiers.Owner owner, String code, String idempotencyKey, String clientAddress) {
        requireEnabled();
        String key = IdempotencyKey.checked(idempotencyKey);
        Statement statement = fees.statement(owner, code);
        if (key != null) {
            Optional<Attempt> earlier = byKey(owner.account(), key);
            if (earlier.isPresent()) {
                return answer(earlier.get(), statement.code());
            }
        }
        if (!statement.open()) {
            throw ProblemException.conflict("payment.dossier-closed", statement.code());
        }
        Attempt attempt;
        try {
            attempt = transaction.execute(status -> begin(statement, owner.account(), key));
        } catch (DuplicateKeyException e) {
            // The same key sent twice at the same moment (for dossiers apart, so not held back by one lock).
            return start(owner, code, idempotencyKey, clientAddress);
        }
        if (attempt.repeated()) {
            return answer(attempt, statement.code());
        }
        return initiate(statement, attempt, clientAddress);
    }

    /**
     * The citizen back from the platform ({@code data}, {@code responseCode}, {@code secureCode}). Nothing is read or
     * written unless {@code secureCode} verifies (400). The transaction is the one whose reference is the part of
     * {@code data} before its first {@code _}: the platform's return is seen as {@code <reference>_<guid>}, <b>an
     * assumption to confirm with the platform's operator</b>, as is the layout of {@code secureCode}
     * ({@link NationalPaymentPlatform#returnVerified}). A verified return is kept as a message and the payment is
     * confirmed with the status query, whatever {@code responseCode} says.
     */
    public Returned returned(String data, String responseCode, String secureCode) {
        if (!platform.returnVerified(data, responseCode, secureCode)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "payment.platform.return-unverified");
        }
        int cut = data.indexOf('_');
        String reference = cut < 0 ? data : data.substring(0, cut);
        Transaction t = payments.find(Method.PLATFORM, reference)
                .orElseThrow(() -> ProblemException.notFound("payment.platform.unknown", reference));
        ObjectNode message = json.createObjectNode();
        message.put("data", data);
        message.put("responseCode", responseCode);
        message.put("secureCode", secureCode);
        payments.message(t.id(), "IN", "RETURN", json.writeValueAsString(message), payments.now());
        Outcome outcome = switch (t.state()) {
            case INITIATED, PENDING -> confirmation.confirm(t);
            case PAID -> Outcome.PAID;
            case UNMATCHED -> Outcome.UNMATCHED;
            case FAILED -> Outcome.FAILED;
        };
        if ((outcome == Outcome.PAID || outcome == Outcome.UNMATCHED) && confirmation.withoutReceipt(t.id())) {
            try {
                confirmation.fetchReceipt(payments.get(t.id()));
            } catch (PaymentPlatformUnavailableException e) {
                log.info("Payment {}: the platform did not answer the e-receipt request; asked again later", reference);
            }
        }
        return new Returned(t.dossierCode(), outcome);
    }

    /** Whether citizens may pay through the platform ({@code motcua.payment.platform.enabled}). */
    public boolean enabled() {
        return settings.enabled();
    }

    // --- starting ----------------------------------------------------------------------------------------------

    /** A platform transaction as the start needs it. */
    private record Attempt(long id, String dossierCode, String reference, long amount, State state, String paymentUrl,
            Instant initiatedAt, boolean repeated) {}

    /**
     * Under the dossier's payment lock: what it still owes, then an attempt to offer again or a new transaction
     * INITIATED. Two requests at once for the same dossier are counted one after the other, so the second finds the
     * first's page (once it has one).
     */
    private Attempt begin(Statement statement, String account, String key) {
        String code = statement.code();
        payments.lockAccount(code);
        if (key != null) {
            Optional<Attempt> earlier = byKey(account, key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long outstanding = statement.total() - payments.paid(code);
        if (outstanding <= 0) {
            throw ProblemException.conflict("payment.nothing-due");
        }
        Instant now = payments.now();
        Optional<Attempt> open = jdbc.sql(ATTEMPT + """
                 where dossier_code = ? and method = 'PLATFORM' and state = 'INITIATED' and amount = ?
                   and payment_url is not null and created_at > ?
                 order by created_at desc, id desc limit 1""")
                .params(code, outstanding, Timestamp.from(now.minus(REUSE_WITHIN)))
                .query((rs, n) -> attempt(rs, true)).optional();
        if (open.isPresent()) {
            return open.get();
        }
        // The reference carries the time to the second: a second attempt within the same second takes the next one.
        Instant at = now;
        while (payments.find(Method.PLATFORM, reference(code, at)).isPresent()) {
            at = at.plusSeconds(1);
        }
        String reference = reference(code, at);
        long id = payments.insert(code, Method.PLATFORM, outstanding, State.INITIATED, reference, null,
                statement.applicantName(), description(code), at, account, null);
        if (key != null) {
            jdbc.sql("update payment_transaction set idempotency_key = ? where id = ?").params(key, id).update();
        }
        return new Attempt(id, code, reference, outstanding, State.INITIATED, null, at, false);
    }

    /** Sends the INIT of a new attempt and records both messages and what came of it. */
    private Started initiate(Statement statement, Attempt attempt, String clientAddress) {
        InitRequest request = new InitRequest(attempt.reference(), attempt.amount(), description(statement.code()),
                attempt.initiatedAt(), clientAddress == null || clientAddress.isBlank() ? "127.0.0.1" : clientAddress,
                receipt(statement, attempt.amount()));
        Init init;
        try {
            init = platform.init(request);
        } catch (PaymentPlatformUnavailableException e) {
            payments.message(attempt.id(), "OUT", "INIT", e.requestBody(), payments.now());
            log.warn("Payment {}: the platform did not answer its INIT; left INITIATED for the reconciliation",
                    attempt.reference());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payment.platform.unavailable");
        }
        boolean accepted = init.success() && webAddress(init.paymentUrl());
        Instant now = payments.now();
        transaction.executeWithoutResult(status -> {
            payments.message(attempt.id(), "OUT", "INIT", init.requestBody(), now);
            payments.message(attempt.id(), "IN", "INIT", init.responseBody() == null ? "" : init.responseBody(), now);
            if (accepted) {
                jdbc.sql("update payment_transaction set payment_url = ?, updated_at = ? where id = ?")
                        .params(init.paymentUrl(), Timestamp.from(now), attempt.id()).update();
            } else {
                jdbc.sql("""
                        update payment_transaction set state = 'FAILED', updated_at = ?, lock_version = lock_version + 1
                        where id = ? and state = 'INITIATED'""")
                        .params(Timestamp.from(now), attempt.id()).update();
            }
        });
        if (!accepted) {
            log.warn("Payment {}: the platform refused its INIT: {} {}", attempt.reference(), init.errorCode(),
                    init.errorMessage());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment.platform.refused");
        }
        return new Started(attempt.reference(), init.paymentUrl(), attempt.amount(), false);
    }

    /** An earlier attempt answered again: its page, or the failure it met. */
    private static Started answer(Attempt attempt, String code) {
        if (!attempt.dossierCode().equals(code)) {
            throw ProblemException.conflict("payment.platform.key-reused");
        }
        if (attempt.paymentUrl() != null) {
            return new Started(attempt.reference(), attempt.paymentUrl(), attempt.amount(), true);
        }
        if (attempt.state() == State.INITIATED) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "payment.platform.unavailable");
        }
        throw new ProblemException(HttpStatus.BAD_GATEWAY, "payment.platform.refused");
    }

    private Optional<Attempt> byKey(String account, String key) {
        return jdbc.sql(ATTEMPT + "where created_by = ? and idempotency_key = ?").params(account, key)
                .query((rs, n) -> attempt(rs, true)).optional();
    }

    private static Attempt attempt(java.sql.ResultSet rs, boolean repeated) throws java.sql.SQLException {
        return new Attempt(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("external_id"),
                rs.getLong("amount"), State.valueOf(rs.getString("state")), rs.getString("payment_url"),
                rs.getTimestamp("created_at").toInstant(), repeated);
    }

    /**
     * {@code MaThamChieu}: {@code dvc}, the dossier code without its non-word characters, and the initiation's
     * Vietnam time {@code yyyyMMddHHmmss} — the pattern of the provinces' production clients, unique per attempt.
     */
    static String reference(String code, Instant at) {
        return "dvc" + code.replaceAll("\\W", "") + NationalPaymentPlatform.TIME.format(at);
    }

    /** {@code ThongTinGiaoDich}, in the platform's ASCII. */
    private static String description(String code) {
        return "THANH TOAN HO SO " + code;
    }

    /**
     * The receipt data: the dossier's fee lines when the whole of them is paid now; after a part was paid otherwise,
     * one line of what is left, which the client words from the description.
     */
    private ReceiptInfo receipt(Statement statement, long amount) {
        List<Fee> lines = statement.lines().stream().filter(l -> l.amount() > 0)
                .map(l -> new Fee(kind(l.name()), "", l.name(), l.amount())).toList();
        if (lines.stream().mapToLong(Fee::amount).sum() != amount) {
            lines = List.of();
        }
        PaymentSettings.VietQrAccount account = accounts.vietqr();
        return new ReceiptInfo(null, null, statement.procedureCode(), statement.procedureName(),
                statement.agencyCode(), statement.agencyName(), statement.code(),
                new Beneficiary(account.accountNumber(), account.bankBin(), account.accountName()),
                new Payer(statement.applicantName(), statement.applicantCitizenId(), statement.applicantAddress(), null,
                        null),
                null, lines);
    }

    /** {@code LoaiPhiLePhi} as the line's name begins: "Lệ phí …" or "Phí …" (Law on Fees and Charges 2015). */
    private static String kind(String name) {
        String lower = name.strip().toLowerCase(Locale.forLanguageTag("vi"));
        return lower.startsWith("lệ phí") ? "Lệ phí" : lower.startsWith("phí") ? "Phí" : "";
    }

    /** Only an http(s) address is a page to send a citizen to. */
    private static boolean webAddress(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw ProblemException.conflict("payment.platform.disabled");
        }
    }
}
