package vn.motcua.catalog.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** The publication form: the decision's number, and its dates typed dd/MM/yyyy as people write them. */
public record PublishForm(@Size(max = 50, message = "{validation.too-long}") String decisionNumber,
        String decisionDate, String effectiveFrom) {

    /** Dates as people write them here, 2/3/2026 or 02/03/2026 (ISO 2026-03-02 is accepted too). */
    static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The inputs of the form. */
    static final Set<String> FIELDS = Set.of("decisionNumber", "decisionDate", "effectiveFrom");

    public PublishForm {
        decisionNumber = decisionNumber == null ? null : decisionNumber.strip();
    }

    /** A date as typed into {@code field}: null when left empty, or (with the input marked) when it is no date. */
    static LocalDate date(String text, String field, BindingResult errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DATE_INPUT);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "web.catalog.admin.date-invalid");
            return null;
        }
    }

}
