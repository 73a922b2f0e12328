package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.payment.PaymentStatistics;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

/** The fees collected, for the agency's accountant and leaders, as JSON or XLSX. */
@RestController
@Tag(name = "Payments", description = "Phí, lệ phí của hồ sơ: tiền mặt, chuyển khoản VietQR, Nền tảng thanh toán")
class PaymentStatisticsApi {

    /** A year at most: the figures are read in one pass. */
    private static final int MAX_DAYS = 366;

    private final PaymentStatistics statistics;

    PaymentStatisticsApi(PaymentStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/payments/statistics")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'MONITOR', 'RECEPTION')")
    @Operation(summary = "Fees collected from `from` to `to` (dates inclusive, at most a year), per day, method and "
            + "procedure, with the totals per method, the refunds, and the national dashboard's online-payment rate "
            + "(dossiers received in the period owing a fee, and those paid online); the caller's agency, "
            + "administrators every agency. `format=xlsx` for a workbook")
    ResponseEntity<?> statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format,
            StaffUser caller) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw ProblemException.invalid("to", "report.period.reversed");
        }
        if (end.isAfter(start.plusDays(MAX_DAYS))) {
            throw ProblemException.invalid("to", "report.period.too-long", 1);
        }
        PaymentStatistics.Statistics figures = statistics.statistics(start, end, caller);
        return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
            case "xlsx" -> Downloads.workbook("thu-phi-" + start + "-" + end + ".xlsx", statistics.workbook(figures));
            default -> throw ProblemException.invalid("format", "validation.choice", "json, xlsx");
        };
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "report.date.required", name);
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw ProblemException.invalid(name, "report.date.malformed", name, value);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "report.date.malformed", name, value);
        }
    }
}
