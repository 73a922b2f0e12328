package vn.motcua.catalog.web;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.validation.BindingResult;
import vn.motcua.shared.web.PageForms;

/** The publication form: the decision's number, and its dates typed dd/MM/yyyy as people write them. */
public record PublishForm(@Size(max = 50, message = "{validation.too-long}") String decisionNumber,
        String decisionDate, String effectiveFrom) {

    /** The inputs of the form. */
    static final Set<String> FIELDS = Set.of("decisionNumber", "decisionDate", "effectiveFrom");

    public PublishForm {
        decisionNumber = decisionNumber == null ? null : decisionNumber.strip();
    }

    /** A date as typed into {@code field}: null when left empty, or (with the input marked) when it is no date. */
    static LocalDate date(String text, String field, BindingResult errors) {
        return PageForms.date(text, field, "web.catalog.admin.date-invalid", errors);
    }

}
