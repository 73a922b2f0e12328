package vn.motcua.shared.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.motcua.shared.VietnamTime;

/**
 * Vietnamese formats for pages and documents, available in templates as {@code @formats}:
 * {@code 1.500.000 đ}, {@code 26/11/2026}, {@code 26/11/2026 14:30} (Vietnam time).
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE = VietnamTime.DATE;
    private static final DateTimeFormatter DATE_TIME = VietnamTime.DATE_TIME;

    /** An amount of đồng with dots between thousands: {@code 1.500.000 đ}. */
    public static String vnd(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(amount) + " đ";
    }

    public String money(Long amount) {
        return amount == null ? "" : vnd(amount);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VietnamTime.ZONE));
    }
}
