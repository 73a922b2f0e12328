package vn.motcua.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierFees;
import vn.motcua.dossier.DossierFees.Statement;
import vn.motcua.payment.Payments.Method;
import vn.motcua.payment.Payments.State;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;

/**
 * The bank's (or a payment intermediary's) notices of credits to the collection account. A notice is believed only
 * when {@code X-Signature} is the HMAC-SHA256 of its exact bytes under the shared secret; anything else is refused
 * and nothing of it is stored. A credit whose content names a dossier (its payment reference, else its code) and
 * whose amount is exactly what the dossier still owes pays it; any other credit is kept UNMATCHED for the desk. A
 * notice repeated (the same {@code transactionId}) changes nothing.
 */
@Service
public class BankCredits {

    private final Payments payments;
    private final DossierFees fees;
    private final PaymentSettings settings;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    BankCredits(Payments payments, DossierFees fees, PaymentSettings settings, TransactionTemplate transaction,
            JsonMapper json) {
        this.payments = payments;
        this.fees = fees;
        this.settings = settings;
        this.transaction = transaction;
        this.json = json;
    }

    /** What the bank is answered: the transaction's state and the dossier it paid, if any. */
    public record Answer(String transactionId, State state, String dossierCode, boolean repeated) {}

    private record Notice(String transactionId, String accountNumber, long amount, String content,
            OffsetDateTime occurredAt) {}

    public Answer receive(byte[] body, String signature) {
        if (!settings.acceptsNotifications() || !signed(body, signature)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "payment.notification.signature");
        }
        Notice notice = parse(body);
        if (!digits(notice.accountNumber()).equals(digits(settings.vietqr().accountNumber()))) {
            throw ProblemException.ruleViolated("payment.notification.account", notice.accountNumber());
        }
        Optional<Payments.Transaction> earlier = payments.find(Method.VIETQR, notice.transactionId());
        if (earlier.isPresent()) {
            return answer(earlier.get(), true);
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        Optional<Statement> named = payments.dossierNamedIn(notice.content()).flatMap(fees::statement);
        Payments.Transaction recorded;
        try {
            recorded = transaction.execute(status -> {
                State state = State.UNMATCHED;
                if (named.isPresent()) {
                    Statement statement = named.get();
                    payments.lockAccount(statement.code());
                    long outstanding = statement.total() - payments.paid(statement.code());
                    if (statement.open() && outstanding > 0 && notice.amount() == outstanding) {
                        state = State.PAID;
                    }
                }
                var now = payments.now();
                long id = payments.insert(named.map(Statement::code).orElse(null), Method.VIETQR, notice.amount(), state,
                        notice.transactionId(), null, null, notice.content(), now, "payment:bank",
                        state == State.PAID ? notice.occurredAt() == null ? now : notice.occurredAt().toInstant() : null);
                payments.message(id, "IN", "BANK_NOTIFICATION", raw, now);
                return payments.get(id);
            });
        } catch (DuplicateKeyException e) {
            // The same notice, delivered twice at once: the other delivery recorded it.
            return answer(payments.find(Method.VIETQR, notice.transactionId()).orElseThrow(), true);
        }
        if (recorded.state() == State.PAID) {
            payments.settleIfPaid(fees.statement(recorded.dossierCode()).orElseThrow(), "payment:bank");
        }
        return answer(recorded, false);
    }

    private static Answer answer(Payments.Transaction t, boolean repeated) {
        return new Answer(t.reference(), t.state(), t.state() == State.PAID ? t.dossierCode() : null, repeated);
    }

    /** Constant-time comparison of the hex signature (either case) with the body's HMAC-SHA256. */
    private boolean signed(byte[] body, String signature) {
        if (signature == null || !signature.strip().matches("(?i)(sha256=)?[0-9a-f]{64}")) {
            return false;
        }
        String hex = signature.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha256=", "");
        return MessageDigest.isEqual(HexFormat.of().parseHex(hex), hmac(settings.notificationSecret(), body));
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Notice parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.invalid("body", "payment.notification.unreadable");
        }
        List<FieldError> errors = new ArrayList<>();
        String id = text(node, "transactionId");
        if (id == null || id.length() > 100) {
            errors.add(new FieldError("transactionId", "validation.required"));
        }
        String account = text(node, "accountNumber");
        if (account == null || account.length() > 40) {
            errors.add(new FieldError("accountNumber", "validation.required"));
        }
        JsonNode amount = node == null ? null : node.get("amount");
        if (amount == null || !amount.canConvertToExactIntegral() || amount.asLong() <= 0
                || amount.asLong() > 1_000_000_000_000L) {
            errors.add(new FieldError("amount", "payment.amount.invalid"));
        }
        String content = text(node, "content");
        OffsetDateTime at = null;
        String occurred = text(node, "occurredAt");
        if (occurred != null) {
            try {
                at = OffsetDateTime.parse(occurred);
            } catch (RuntimeException e) {
                errors.add(new FieldError("occurredAt", "payment.notification.time"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        return new Notice(id, account, amount.asLong(), content == null ? null : Payments.truncate(content, 500), at);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String digits(String account) {
        return account == null ? "" : account.replaceAll("[\\s.-]", "");
    }
}
