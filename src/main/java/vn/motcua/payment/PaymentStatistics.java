package vn.motcua.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierFees;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.payment.Payments.Method;
import vn.motcua.shared.Spreadsheets;
import vn.motcua.shared.VietnamTime;

/**
 * The fees collected over a period, for the agency's accountant: per day, method and procedure, by the day the
 * payment was confirmed (Vietnam time), of the dossiers the agency received (administrators: every agency); refunds
 * apart. And the national dashboard's online-payment rate (Decision 766/QĐ-TTg, indicator 3.6): of the dossiers
 * received in the period that owe a fee (fee lines not all zero), those paid online — through the national platform
 * ({@code DuocThanhToanTrucTuyen} = 1) or by a transfer to the province's account ({@code = 2}).
 */
@Service
public class PaymentStatistics {

    private final JdbcClient jdbc;
    private final DossierFees fees;
    private final MessageSource messages;

    PaymentStatistics(JdbcClient jdbc, DossierFees fees, MessageSource messages) {
        this.jdbc = jdbc;
        this.fees = fees;
        this.messages = messages;
    }

    public record Line(LocalDate day, Method method, String procedureCode, String procedureName, long count,
            long amount) {}

    public record MethodTotal(Method method, long count, long amount) {}

    /** {@code percent} with one decimal, {@code null} when no dossier owed a fee. */
    public record OnlinePaymentRate(long paidOnline, long owingFees, Double percent) {}

    public record Statistics(LocalDate from, LocalDate to, String agencyCode, List<Line> lines,
            List<MethodTotal> byMethod, long collected, long refunded, OnlinePaymentRate onlinePaymentRate) {}

    private record Paid(String code, Method method, long amount, LocalDate day) {}

    /** The figures of {@code from}–{@code to} (inclusive) that the caller may see. */
    @Transactional(readOnly = true)
    public Statistics statistics(LocalDate from, LocalDate to, StaffUser caller) {
        String agency = caller.has(Role.ADMIN) ? null : caller.agencyCode();
        Instant start = from.atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        List<Paid> paid = jdbc.sql("""
                select dossier_code, method, amount, paid_at from payment_transaction
                where state = 'PAID' and dossier_code is not null and paid_at >= ? and paid_at < ?""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> new Paid(rs.getString(1), Method.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getTimestamp(4).toInstant().atZone(VietnamTime.ZONE).toLocalDate()))
                .list();
        Map<String, DossierFees.Fact> facts = fees.facts(paid.stream().map(Paid::code).collect(Collectors.toSet()))
                .stream().filter(f -> agency == null || agency.equals(f.agencyCode()))
                .collect(Collectors.toMap(DossierFees.Fact::code, Function.identity()));
        record Key(LocalDate day, Method method, String procedure) {}
        Map<Key, long[]> sums = new TreeMap<>(Comparator.comparing(Key::day).thenComparing(Key::method)
                .thenComparing(Key::procedure));
        Map<Method, long[]> byMethod = new EnumMap<>(Method.class);
        long refunded = 0;
        for (Paid p : paid) {
            DossierFees.Fact fact = facts.get(p.code());
            if (fact == null) {
                continue;
            }
            if (p.method() == Method.REFUND) {
                refunded += p.amount();
                continue;
            }
            long[] sum = sums.computeIfAbsent(new Key(p.day(), p.method(), fact.procedureCode()), k -> new long[2]);
            sum[0]++;
            sum[1] += p.amount();
            long[] total = byMethod.computeIfAbsent(p.method(), k -> new long[2]);
            total[0]++;
            total[1] += p.amount();
        }
        Map<String, String> names = facts.values().stream().collect(Collectors.toMap(DossierFees.Fact::procedureCode,
                DossierFees.Fact::procedureName, (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        sums.forEach((k, v) -> lines.add(new Line(k.day(), k.method(), k.procedure(), names.get(k.procedure()), v[0],
                v[1])));
        List<MethodTotal> methods = new ArrayList<>();
        byMethod.forEach((m, v) -> methods.add(new MethodTotal(m, v[0], v[1])));
        long collected = methods.stream().mapToLong(MethodTotal::amount).sum();
        return new Statistics(from, to, agency, lines, methods, collected, refunded, onlineRate(agency, start, end));
    }

    private OnlinePaymentRate onlineRate(String agency, Instant start, Instant end) {
        List<DossierFees.Fact> owing = fees.receivedWithFees(agency, start, end);
        Set<String> paidOnline = new HashSet<>(jdbc.sql("""
                select distinct dossier_code from payment_transaction
                where state = 'PAID' and method in ('VIETQR', 'PLATFORM') and dossier_code = any(?)""")
                .param(owing.stream().map(DossierFees.Fact::code).toArray(String[]::new)).query(String.class).list());
        long online = owing.stream().filter(f -> paidOnline.contains(f.code())).count();
        return new OnlinePaymentRate(online, owing.size(),
                owing.isEmpty() ? null : Math.round(online * 1000.0 / owing.size()) / 10.0);
    }

    /** The figures as a workbook, in Vietnamese: the lines, then the totals per method and the online rate. */
    public byte[] workbook(Statistics s) {
        return Spreadsheets.inMemory(workbook -> {
            Sheet sheet = workbook.createSheet(text("payment.statistics.sheet"));
            CellStyle bold = Spreadsheets.style(workbook, Spreadsheets.font(workbook, "Times New Roman", 12, true, false),
                    HorizontalAlignment.CENTER, VerticalAlignment.CENTER, true, true);
            CellStyle money = Spreadsheets.formatted(workbook, workbook.createCellStyle(), Spreadsheets.NUMBER_FORMAT);
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(text("payment.statistics.title",
                    Spreadsheets.DATE.format(s.from()), Spreadsheets.DATE.format(s.to())));
            r++;
            Row header = sheet.createRow(r++);
            String[] columns = {"payment.statistics.day", "payment.statistics.method", "payment.statistics.procedure-code",
                "payment.statistics.procedure", "payment.statistics.count", "payment.statistics.amount"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(text(columns[c]));
                header.getCell(c).setCellStyle(bold);
            }
            for (Line line : s.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(Spreadsheets.DATE.format(line.day()));
                row.createCell(1).setCellValue(text("payment.method." + line.method()));
                row.createCell(2).setCellValue(line.procedureCode());
                row.createCell(3).setCellValue(line.procedureName());
                row.createCell(4).setCellValue(line.count());
                row.createCell(5).setCellValue(line.amount());
                row.getCell(5).setCellStyle(money);
            }
            r++;
            for (MethodTotal m : s.byMethod()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(text("payment.statistics.total-of", text("payment.method." + m.method())));
                row.createCell(4).setCellValue(m.count());
                row.createCell(5).setCellValue(m.amount());
                row.getCell(5).setCellStyle(money);
            }
            Row total = sheet.createRow(r++);
            total.createCell(0).setCellValue(text("payment.statistics.total"));
            total.createCell(5).setCellValue(s.collected());
            total.getCell(5).setCellStyle(money);
            Row refunds = sheet.createRow(r++);
            refunds.createCell(0).setCellValue(text("payment.statistics.refunded"));
            refunds.createCell(5).setCellValue(s.refunded());
            refunds.getCell(5).setCellStyle(money);
            r++;
            OnlinePaymentRate rate = s.onlinePaymentRate();
            sheet.createRow(r).createCell(0).setCellValue(text("payment.statistics.online-rate", rate.paidOnline(),
                    rate.owingFees(), rate.percent() == null ? "–" : String.format("%.1f", rate.percent()).replace('.', ',')));
            Spreadsheets.widths(sheet, 12, 22, 26, 60, 14, 18);
        });
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.forLanguageTag("vi"));
    }
}
