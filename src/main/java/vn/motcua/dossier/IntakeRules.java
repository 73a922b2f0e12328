package vn.motcua.dossier;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.CitizenId;
import vn.motcua.shared.PhoneNumber;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.TextPolicy;

/** Checks an intake request at the edge: every problem named by its field, in one 400. */
final class IntakeRules {

    /** Names: any Unicode letters (Vietnamese and ethnic-minority names), spaces, apostrophes, dots, hyphens. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]*");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

    /** The catalogue's closed set of kinds of copy (bản chính, bản sao, bản sao chứng thực). */
    static final List<String> COPY_KINDS = Arrays.stream(CopyKind.values()).map(Enum::name).toList();

    /** Form 02's items at most. */
    static final int MAX_ITEMS = 50;

    private IntakeRules() {}

    static void check(IntakeRequest request, Year now) {
        List<FieldError> errors = new ArrayList<>();
        if (request.procedureCode() == null || request.procedureCode().isBlank()) {
            errors.add(new FieldError("procedureCode", "validation.required"));
        }
        if (request.channel() == null) {
            errors.add(new FieldError("channel", "validation.required"));
        }
        if (request.applicant() == null) {
            errors.add(new FieldError("applicant", "validation.required"));
        } else {
            person(errors, "applicant", request.applicant(), now);
            if (blank(request.applicant().citizenId()) && blank(request.applicant().organizationName())) {
                errors.add(new FieldError("applicant.citizenId", "dossier.applicant.identity-required"));
            }
        }
        if (request.representative() != null) {
            person(errors, "representative", request.representative(), now);
            if (blank(request.representative().authorizationDocument())) {
                errors.add(new FieldError("representative.authorizationDocument", "dossier.representative.authorization"));
            }
        }
        if (request.documents() != null) {
            for (int i = 0; i < request.documents().size(); i++) {
                var document = request.documents().get(i);
                if (document == null || document.documentId() == null) {
                    errors.add(new FieldError("documents[" + i + "].documentId", "validation.required"));
                } else if (document.count() != null && (document.count() < 1 || document.count() > 99)) {
                    errors.add(new FieldError("documents[" + i + "].count", "catalog.document.count"));
                }
                if (document != null && document.copyKind() != null && !COPY_KINDS.contains(document.copyKind())) {
                    errors.add(new FieldError("documents[" + i + "].copyKind", "validation.choice",
                            String.join(", ", COPY_KINDS)));
                }
            }
        }
        if (request.sets() != null && (request.sets() < 1 || request.sets() > 99)) {
            errors.add(new FieldError("sets", "dossier.sets.range"));
        }
        IntakeRequest.Decision decision = request.decision() == null ? IntakeRequest.Decision.ACCEPT : request.decision();
        if (request.channel() != Channel.ONLINE) {
            if (decision == IntakeRequest.Decision.SUPPLEMENT) {
                items(errors, "supplementItems", request.supplementItems());
            }
            if (decision == IntakeRequest.Decision.REFUSE) {
                reason(errors, "refusalReason", request.refusalReason());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        listedOnce(request.documents());
    }

    /**
     * A document of the procedure is listed once, with its count of copies: listed twice it is two rows of the
     * receipt for one document, a 422 (before the dossier's number is drawn, as every check of the request).
     */
    private static void listedOnce(List<IntakeRequest.ReceivedDocument> documents) {
        if (documents == null) {
            return;
        }
        Set<Long> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!seen.add(documents.get(i).documentId())) {
                errors.add(new FieldError("documents[" + i + "].documentId", "dossier.document.listed-twice",
                        documents.get(i).documentId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, errors, "dossier.document.duplicate");
        }
    }

    /**
     * Form 02's items (Circular 03/2025/TT-VPCP): at least one, at most {@value #MAX_ITEMS}, each a row of the printed
     * form with a description and an optional reason, both bounded. Everything missing is asked for at once, yet a
     * list longer than that is no request a desk writes: 20,000 items made a PDF of 0.9 MB that took seconds.
     */
    static void items(List<FieldError> errors, String field, List<IntakeRequest.SupplementItem> items) {
        if (items == null || items.isEmpty()) {
            errors.add(new FieldError(field, "dossier.supplement.items-required"));
            return;
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "dossier.supplement.items-too-many", MAX_ITEMS));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item == null || blank(item.description())) {
                errors.add(new FieldError(field + "[" + i + "].description", "validation.required"));
            } else {
                add(errors, TextPolicy.textError(field + "[" + i + "].description", item.description(), 500));
            }
            if (item != null) {
                add(errors, TextPolicy.textError(field + "[" + i + "].reason", item.reason(), 1000));
            }
        }
    }

    static void reason(List<FieldError> errors, String field, String reason) {
        if (blank(reason)) {
            errors.add(new FieldError(field, "dossier.refusal.reason-required"));
        } else {
            add(errors, TextPolicy.textError(field, reason, TextPolicy.NOTE));
        }
    }

    /** A note (hand-over, supplement received or supplied): optional, as stored, at most {@link TextPolicy#NOTE}. */
    static String note(String field, String note) {
        return TextPolicy.text(field, note, TextPolicy.NOTE);
    }

    private static void add(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }

    /** The mandatory documents of the pinned version that the request does not list: ACCEPT is refused (422). */
    static List<String> missingMandatory(ProcedureData procedure, List<IntakeRequest.ReceivedDocument> received) {
        List<Long> ids = received == null ? List.of()
                : received.stream().map(IntakeRequest.ReceivedDocument::documentId).toList();
        return procedure.documents().stream()
                .filter(d -> Boolean.TRUE.equals(d.mandatory()) && !ids.contains(d.id()))
                .map(ProcedureData.DocumentData::name)
                .toList();
    }

    /** Documents named by id must be documents of the pinned version. */
    static void documentsBelong(ProcedureData procedure, List<IntakeRequest.ReceivedDocument> received) {
        if (received == null) {
            return;
        }
        Map<Long, ProcedureData.DocumentData> known = new java.util.HashMap<>();
        procedure.documents().forEach(d -> known.put(d.id(), d));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            if (!known.containsKey(received.get(i).documentId())) {
                errors.add(new FieldError("documents[" + i + "].documentId", "dossier.document.unknown",
                        received.get(i).documentId(), procedure.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
    }

    private static void person(List<FieldError> errors, String prefix, IntakeRequest.Person person, Year now) {
        // Lengths as stored (NFC, in characters as PostgreSQL counts them): a name that grows under NFC past its
        // column would otherwise fail the write after the dossier's number is drawn.
        FieldError nameError = TextPolicy.lineError(prefix + ".fullName", person.fullName(), 100);
        if (blank(person.fullName())) {
            errors.add(new FieldError(prefix + ".fullName", "validation.required"));
        } else if (nameError != null) {
            errors.add(nameError);
        } else if (!NAME.matcher(TextPolicy.stored(person.fullName())).matches()) {
            errors.add(new FieldError(prefix + ".fullName", "dossier.name.letters"));
        }
        if (!blank(person.citizenId()) && !CitizenId.isValid(person.citizenId().strip(), now)) {
            errors.add(new FieldError(prefix + ".citizenId", "dossier.citizen-id.invalid"));
        }
        if (!blank(person.phone()) && PhoneNumber.normalize(person.phone()) == null) {
            errors.add(new FieldError(prefix + ".phone", "dossier.phone.invalid"));
        }
        if (!blank(person.email()) && (person.email().strip().length() > 254
                || !EMAIL.matcher(person.email().strip()).matches())) {
            errors.add(new FieldError(prefix + ".email", "dossier.email.invalid"));
        }
        add(errors, TextPolicy.lineError(prefix + ".address", person.address(), 300));
        add(errors, TextPolicy.lineError(prefix + ".organizationName", person.organizationName(), 300));
        add(errors, TextPolicy.lineError(prefix + ".authorizationDocument", person.authorizationDocument(), 300));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** What Form 02 asks for, in one line: the items' descriptions. */
    static String summary(List<IntakeRequest.SupplementItem> items) {
        return items.stream().map(IntakeRequest.SupplementItem::description).map(String::strip)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** A typed text as stored: Unicode-normalized, blank → null. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : vn.motcua.shared.VietnameseText.normalize(value);
    }
}
