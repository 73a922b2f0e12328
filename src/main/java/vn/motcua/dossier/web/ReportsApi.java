package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.report.DossierReports;
import vn.motcua.dossier.report.ReportWorkbooks;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.RequestValues;
import vn.motcua.shared.ProblemException;

/** Records: the statutory statistics and the tracking book (Form 07), as JSON or XLSX. */
@RestController
@Tag(name = "Reports", description = "Thống kê tình hình, kết quả giải quyết TTHC; sổ theo dõi hồ sơ (mẫu 07)")
class ReportsApi {

    enum Format { JSON, XLSX }

    private final DossierReports reports;
    private final ReportWorkbooks workbooks;

    ReportsApi(DossierReports reports, ReportWorkbooks workbooks) {
        this.reports = reports;
        this.workbooks = workbooks;
    }

    @GetMapping("/api/v1/reports/dossiers")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'MONITOR')")
    @Operation(summary = "Statutory statistics over a period (dates inclusive, Vietnam time), one row per field, "
            + "per handling agency (groupBy=agency: the agency of the step that decides the result) or per receiving "
            + "agency (groupBy=receivingAgency), plus the total: received = online + direct/postal + carried over = "
            + "resolved (early + on time + late) + in progress (within limit + overdue), lateness judged by the "
            + "motcua.reports.lateness settings (stated in the answer). Leaders and monitors: the dossiers their "
            + "agency resolves (cut by receiving agency: those it received); administrators: all")
    ResponseEntity<?> statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "field") String groupBy, @RequestParam(defaultValue = "json") String format,
            StaffUser caller) {
        Period period = period(from, to);
        DossierReports.GroupBy grouping = DossierReports.GroupBy.of(groupBy);
        if (grouping == null) {
            throw ProblemException.invalid("groupBy", "validation.choice", "field, agency, receivingAgency");
        }
        Format output = RequestValues.choice("format", format, Format.class);
        DossierReports.Statistics report = reports.statistics(period.from(), period.to(), grouping, caller,
                DossierReports.currentLocale());
        if (output == Format.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return Downloads.workbook(ReportWorkbooks.statisticsFileName(period.from(), period.to()),
                workbooks.statistics(report));
    }

    @GetMapping("/api/v1/reports/tracking-book")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'MONITOR', 'RECEPTION')")
    @Operation(summary = "The tracking book (Form 07): dossiers accepted in the period, in order of acceptance, "
            + "optionally of one field (case and diacritics ignored). The desk sees its own book, leaders and "
            + "monitors their agency's, administrators all; at most 50,000 lines")
    ResponseEntity<?> trackingBook(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String field,
            @RequestParam(defaultValue = "json") String format, StaffUser caller, HttpServletResponse response)
            throws IOException {
        Period period = period(from, to);
        Format output = RequestValues.choice("format", format, Format.class);
        if (field != null && field.length() > 150) {
            throw ProblemException.invalid("field", "validation.too-long.n", 150);
        }
        DossierReports.TrackingBook book = reports.trackingBook(period.from(), period.to(), field, caller,
                output == Format.JSON ? DossierReports.currentLocale() : DossierReports.VIETNAMESE);
        if (output == Format.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(book);
        }
        Downloads.workbookHeaders(response, ReportWorkbooks.bookFileName(period.from(), period.to()));
        workbooks.trackingBook(book, response.getOutputStream());
        response.flushBuffer();
        return null;
    }

    record Period(LocalDate from, LocalDate to) {}

    private static Period period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw ProblemException.invalid("to", "report.period.reversed");
        }
        if (end.isAfter(start.plusYears(DossierReports.MAX_YEARS))) {
            throw ProblemException.invalid("to", "report.period.too-long", DossierReports.MAX_YEARS);
        }
        return new Period(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "report.date.required", name);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "report.date.malformed", name, value);
        }
        // Within the working calendar's range, as every date of motcua (at the ends of LocalDate's range the
        // period's arithmetic overflowed: a 500 before).
        if (date.isBefore(WorkingCalendar.FIRST) || date.isAfter(WorkingCalendar.LAST)) {
            throw ProblemException.invalid(name, "report.date.out-of-range", name,
                    String.valueOf(WorkingCalendar.FIRST.getYear()),
                    String.valueOf(WorkingCalendar.LAST.getYear()));
        }
        return date;
    }
}
