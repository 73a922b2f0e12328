package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;

/**
 * The rules a procedure must satisfy: to be saved as a draft (well-formed, else 400 naming each field)
 * and to be published (complete and consistent, else 422 saying what is wrong). Decree 63/2010 Art. 8
 * lists the parts a procedure must have; the ISO 9001:2015 internal process must fit in the statutory
 * time limit exactly.
 */
final class ProcedureRules {

    /** National code plus local suffix, e.g. {@code 1.001122.000.00.00.H27}. */
    static final Pattern CODE = Pattern.compile("[0-9]\\.[0-9]{6}(\\.[0-9A-Z]{2,3}){3}\\.[0-9A-Z]{2,4}");
    static final Pattern DECISION_NUMBER = Pattern.compile("[0-9]{1,5}/[0-9A-ZĐa-zđ/.\\-]{2,40}");
    static final int MAX_DAYS = 365;

    private ProcedureRules() {}

    static void checkDraft(ProcedureData data) {
        List<FieldError> errors = draftErrors(data);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
    }

    static List<FieldError> draftErrors(ProcedureData data) {
        List<FieldError> errors = new ArrayList<>();
        if (data.code() == null || !CODE.matcher(data.code()).matches()) {
            errors.add(new FieldError("code", "catalog.code.invalid"));
        }
        required(errors, "name", data.name(), 500);
        required(errors, "field", data.field(), 150);
        required(errors, "agencyName", data.agencyName(), 255);
        if (data.agencyCode() != null && data.agencyCode().length() > 35) {
            errors.add(new FieldError("agencyCode", "validation.too-long.n", 35));
        }
        if (data.applicants() == null || data.applicants().isEmpty()
                || data.applicants().stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("applicants", "catalog.applicants.required"));
        }
        if (data.timeLimit() == null || data.timeLimit().unit() == null || data.timeLimit().amount() == null) {
            errors.add(new FieldError("timeLimit", "catalog.time-limit.required"));
        } else {
            int max = data.timeLimit().unit() == TimeUnit.WORKING_DAYS ? MAX_DAYS : MAX_DAYS * 8;
            if (data.timeLimit().amount() < 1 || data.timeLimit().amount() > max) {
                errors.add(new FieldError("timeLimit.amount", "catalog.time-limit.range", max));
            }
        }
        if (data.onlineLevel() == null) {
            errors.add(new FieldError("onlineLevel", "validation.required"));
        }
        if (data.requiredAssuranceLevel() != null && (data.requiredAssuranceLevel() < 1 || data.requiredAssuranceLevel() > 2)) {
            errors.add(new FieldError("requiredAssuranceLevel", "catalog.assurance-level.range"));
        }
        if (data.documents() == null) {
            errors.add(new FieldError("documents", "validation.required"));
        } else {
            for (int i = 0; i < data.documents().size(); i++) {
                var document = data.documents().get(i);
                String at = "documents[" + i + "]";
                if (document == null) {
                    errors.add(new FieldError(at, "validation.required"));
                    continue;
                }
                required(errors, at + ".name", document.name(), 500);
                if (document.copyKind() == null) {
                    errors.add(new FieldError(at + ".copyKind", "validation.required"));
                }
                if (document.count() == null || document.count() < 1 || document.count() > 99) {
                    errors.add(new FieldError(at + ".count", "catalog.document.count"));
                }
            }
        }
        if (data.fees() != null) {
            for (int i = 0; i < data.fees().size(); i++) {
                var fee = data.fees().get(i);
                String at = "fees[" + i + "]";
                if (fee == null) {
                    errors.add(new FieldError(at, "validation.required"));
                    continue;
                }
                required(errors, at + ".name", fee.name(), 300);
                if (fee.amount() == null || fee.amount() < 0 || fee.amount() > 1_000_000_000_000L) {
                    errors.add(new FieldError(at + ".amount", "catalog.fee.amount"));
                }
                if (fee.onlineAmount() != null && (fee.onlineAmount() < 0 || fee.onlineAmount() > 1_000_000_000_000L)) {
                    errors.add(new FieldError(at + ".onlineAmount", "catalog.fee.amount"));
                }
            }
        }
        if (data.steps() != null) {
            for (int i = 0; i < data.steps().size(); i++) {
                var step = data.steps().get(i);
                String at = "steps[" + i + "]";
                if (step == null) {
                    errors.add(new FieldError(at, "validation.required"));
                    continue;
                }
                if (step.order() == null || step.order() != i + 1) {
                    errors.add(new FieldError(at + ".order", "catalog.step.order", i + 1));
                }
                required(errors, at + ".name", step.name(), 300);
                required(errors, at + ".unitCode", step.unitCode(), 50);
                if (step.role() == null) {
                    errors.add(new FieldError(at + ".role", "validation.required"));
                }
                if (step.durationHours() == null || step.durationHours() < 1 || step.durationHours() > MAX_DAYS * 8) {
                    errors.add(new FieldError(at + ".durationHours", "catalog.step.duration"));
                }
            }
        }
        return errors;
    }

    /**
     * What stands in the way of publishing: message keys with their arguments, each a sentence for the
     * officer. {@code unitExists} says whether a step's unit is an active unit of the organization.
     */
    static List<FieldError> publishProblems(ProcedureData data, ProcedureData.Publication publication,
            Predicate<String> unitExists) {
        List<FieldError> problems = new ArrayList<>();
        if (data.documents().isEmpty()) {
            problems.add(new FieldError("documents", "catalog.publish.no-documents"));
        } else if (data.documents().stream().noneMatch(d -> Boolean.TRUE.equals(d.mandatory()))) {
            problems.add(new FieldError("documents", "catalog.publish.no-mandatory-document"));
        }
        if (data.steps() == null || data.steps().isEmpty()) {
            problems.add(new FieldError("steps", "catalog.publish.no-steps"));
        } else {
            int limit = data.timeLimit().hours();
            if (data.stepHours() != limit) {
                problems.add(new FieldError("steps", "catalog.publish.steps-sum", data.stepHours(), limit));
            }
            for (var step : data.steps()) {
                if (!unitExists.test(step.unitCode())) {
                    problems.add(new FieldError("steps", "catalog.publish.unknown-unit", step.order(), step.unitCode()));
                }
            }
        }
        if (publication == null || publication.decisionNumber() == null
                || !DECISION_NUMBER.matcher(publication.decisionNumber().strip()).matches()) {
            problems.add(new FieldError("decisionNumber", "catalog.publish.decision-number"));
        }
        if (publication == null || publication.decisionDate() == null) {
            problems.add(new FieldError("decisionDate", "catalog.publish.decision-date"));
        }
        if (publication == null || publication.effectiveFrom() == null) {
            problems.add(new FieldError("effectiveFrom", "catalog.publish.effective-from"));
        } else if (publication.decisionDate() != null && publication.effectiveFrom().isBefore(publication.decisionDate())) {
            problems.add(new FieldError("effectiveFrom", "catalog.publish.effective-before-decision"));
        }
        return problems;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "validation.required"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "validation.too-long.n", max));
        }
    }
}
