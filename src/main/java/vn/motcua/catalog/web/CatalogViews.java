package vn.motcua.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTemplates;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.Messages;

/**
 * A procedure as the catalogue pages show it, the public page and the administrators' alike: the time
 * limit and step durations in words, the units of the internal process by name, field paths in words, page
 * links.
 */
@Component
class CatalogViews {

    /** One working day is 8 working hours, as {@link TimeLimit#hours()} counts them. */
    static final int HOURS_PER_DAY = 8;

    /** A row of the editor or of an import: {@code documents[0].name}, {@code steps[2]}. */
    static final Pattern ROW_FIELD = Pattern.compile("(documents|fees|steps)\\[(\\d+)](?:\\.([A-Za-z]+))?");

    /** One step of the internal process (quy trình nội bộ, ISO 9001:2015), with its unit by name. */
    public record Step(int order, String name, String unitCode, String unitName, StepRole role, int durationHours,
            String duration, String output) {}

    /**
     * A procedure with what its page writes out in words, and the form templates of its documents by document id
     * (linked for download when the version is the one in force).
     */
    public record Detail(ProcedureData data, String timeLimit, List<Step> steps, int stepHours, String stepDuration,
            Map<Long, ProcedureTemplates.Template> templates) {

        public boolean templatesPublic() {
            return data.status() == ProcedureStatus.PUBLISHED;
        }

        public String templateUrl(long documentId) {
            return PublicProcedureApi.templateUrl(data.code(), documentId);
        }
    }


    private final Messages messages;
    private final Organization organization;
    private final ProcedureTemplates templates;

    CatalogViews(Messages messages, Organization organization, ProcedureTemplates templates) {
        this.messages = messages;
        this.organization = organization;
        this.templates = templates;
    }

    Detail detail(ProcedureData p) {
        List<Step> steps = new ArrayList<>();
        for (ProcedureData.StepData s : p.steps()) {
            int hours = s.durationHours() == null ? 0 : s.durationHours();
            steps.add(new Step(s.order() == null ? steps.size() + 1 : s.order(), s.name(), s.unitCode(),
                    organization.unit(s.unitCode()).map(UnitView::name).orElse(s.unitCode()), s.role(), hours,
                    duration(hours), s.output()));
        }
        return new Detail(p, timeLimit(p.timeLimit()), steps, p.stepHours(), duration(p.stepHours()), templates.of(p));
    }

    /** {@code 15 ngày làm việc}, {@code 4 giờ làm việc}. */
    String timeLimit(TimeLimit limit) {
        if (limit == null || limit.amount() == null || limit.unit() == null) {
            return "";
        }
        return messages.text("web.catalog.time-limit", String.valueOf(limit.amount()), messages.text("time-unit." + limit.unit()));
    }

    /** A step's duration: whole days when it is a multiple of 8 hours ({@code 2 ngày}), else hours ({@code 4 giờ}). */
    String duration(int hours) {
        return hours > 0 && hours % HOURS_PER_DAY == 0
                ? messages.text("web.catalog.duration.days", String.valueOf(hours / HOURS_PER_DAY))
                : messages.text("web.catalog.duration.hours", String.valueOf(hours));
    }

    /** A field path in words: {@code steps[1].durationHours} → "Bước 2 – Số giờ làm việc". */
    String label(String path) {
        if (path == null) {
            return "";
        }
        Matcher row = ROW_FIELD.matcher(path);
        if (row.matches()) {
            String section = row.group(1);
            String item = messages.text("web.catalog.label." + section + ".item", String.valueOf(Integer.parseInt(row.group(2)) + 1));
            return row.group(3) == null ? item
                    : item + " – " + messages.textOr("web.catalog.label." + section + "." + row.group(3), row.group(3));
        }
        return messages.textOr("web.catalog.label." + path, path);
    }

    static int limitHours(Integer amount, TimeUnit unit) {
        if (amount == null) {
            return 0;
        }
        return unit == TimeUnit.WORKING_HOURS ? amount : amount * HOURS_PER_DAY;
    }

    /** A page number as typed in the address bar: anything but a positive number is the first page. */
    static int pageNumber(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(text.strip()));
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text.strip())) {
                return value;
            }
        }
        return null;
    }

}
