package vn.motcua.dossier.report;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.forms.Form;
import vn.motcua.dossier.report.DossierReports.BookEntry;
import vn.motcua.dossier.report.DossierReports.Statistics;
import vn.motcua.dossier.report.DossierReports.TrackingBook;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.forms.FormSettings;
import vn.motcua.shared.Spreadsheets;
import vn.motcua.shared.VietnamTime;

/**
 * The reports as the official forms look on paper, always in Vietnamese: the statutory statistics table
 * (columns (1) to (13), two-level headings, totals, notes) and the tracking book (Form 07, streamed).
 */
@Component
public class ReportWorkbooks {

    static final String STATISTICS_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
    static final String BOOK_TITLE = "SỔ THEO DÕI HỒ SƠ";
    static final String[] BOOK_COLUMNS = {"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
        "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan, đơn vị chủ trì giải quyết",
        "Ngày, giờ nhận hồ sơ", "Ngày, giờ hẹn trả kết quả", "Ngày, giờ trả kết quả", "Hình thức trả kết quả",
        "Ký nhận", "Trạng thái", "Ghi chú"};
    static final int[] BOOK_WIDTHS = {6, 26, 48, 10, 28, 36, 30, 18, 18, 18, 16, 14, 22, 30};
    private static final int COLUMNS = 13;

    private final DossierReports reports;
    private final ReportSettings settings;
    private final FormSettings forms;
    private final Clock clock;

    ReportWorkbooks(DossierReports reports, ReportSettings settings, FormSettings forms, Clock clock) {
        this.reports = reports;
        this.settings = settings;
        this.forms = forms;
        this.clock = clock;
    }

    /** {@code thong-ke-ho-so-2024-06-15-den-2024-07-14.xlsx} */
    public static String statisticsFileName(LocalDate from, LocalDate to) {
        return "thong-ke-ho-so-" + from + "-den-" + to + ".xlsx";
    }

    public static String bookFileName(LocalDate from, LocalDate to) {
        return "so-theo-doi-ho-so-" + from + "-den-" + to + ".xlsx";
    }

    static String period(LocalDate from, LocalDate to) {
        return "Kỳ báo cáo: từ ngày " + Spreadsheets.date(from) + " đến ngày " + Spreadsheets.date(to);
    }

    // --- statutory statistics ---------------------------------------------------------------------

    public byte[] statistics(Statistics report) {
        return Spreadsheets.inMemory(workbook -> {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Thống kê");
            DossierReports.GroupBy groupBy = DossierReports.GroupBy.of(report.groupBy());
            Spreadsheets.widths(sheet, 6, 40, 11, 11, 13, 11, 11, 11, 11, 11, 11, 11, 11);
            int last = COLUMNS - 1;
            // The heading of table 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): its code on the left, the reporting
            // and the receiving unit on the right, the unit of count above the table.
            Spreadsheets.merged(sheet, 0, 0, 4, text("report.sheet.form-code", settings.formCode()), styles.boldLeft);
            Spreadsheets.merged(sheet, 0, 8, last, text("report.sheet.reporting-unit", report.reportingUnit()),
                    styles.left);
            Spreadsheets.merged(sheet, 1, 8, last, text("report.sheet.receiving-unit", report.receivingUnit()),
                    styles.left);
            int r = 3;
            Spreadsheets.merged(sheet, r++, 0, last, STATISTICS_TITLE
                    + (groupBy == DossierReports.GroupBy.RECEIVING_AGENCY ? "" : text("report.sheet.title.handling")),
                    styles.title);
            sheet.getRow(r - 1).setHeightInPoints(36);
            Spreadsheets.merged(sheet, r++, 0, last, text("report.sheet.cut." + report.groupBy()), styles.centerItalic);
            Spreadsheets.merged(sheet, r++, 0, last, period(report.from(), report.to()), styles.centerItalic);
            Spreadsheets.merged(sheet, r++, 8, last, text("report.sheet.count-unit"), styles.rightItalic);

            int h1 = r;
            int h2 = r + 1;
            int h3 = r + 2;
            for (int row = h1; row <= h3; row++) {
                Row line = sheet.createRow(row);
                line.setHeightInPoints(row == h3 ? 45 : 30);
                for (int c = 0; c < COLUMNS; c++) {
                    line.createCell(c).setCellStyle(styles.header);
                }
            }
            header(sheet, h1, h3, 0, 0, "STT");
            header(sheet, h1, h3, 1, 1, text("report.sheet.column." + report.groupBy()));
            header(sheet, h1, h1, 2, 5, "Số hồ sơ nhận giải quyết");
            header(sheet, h1, h1, 6, 9, "Số hồ sơ đã giải quyết");
            header(sheet, h1, h1, 10, 12, "Số hồ sơ đang giải quyết");
            // Each group: its total, then "Trong đó" (of which) over the parts that add up to it.
            for (int[] group : new int[][] {{2, 5}, {6, 9}, {10, 12}}) {
                header(sheet, h2, h3, group[0], group[0], "Tổng số");
                header(sheet, h2, h2, group[0] + 1, group[1], text("report.sheet.of-which"));
            }
            header(sheet, h3, h3, 3, 3, text("report.sheet.received-online"));
            header(sheet, h3, h3, 4, 4, text("report.sheet.received-direct"));
            header(sheet, h3, h3, 5, 5, text("report.sheet.carried-over"));
            header(sheet, h3, h3, 7, 7, "Trước hạn");
            header(sheet, h3, h3, 8, 8, "Đúng hạn");
            header(sheet, h3, h3, 9, 9, "Quá hạn");
            header(sheet, h3, h3, 11, 11, "Trong hạn");
            header(sheet, h3, h3, 12, 12, "Quá hạn");
            r = h3 + 1;
            Row numbers = sheet.createRow(r++);
            for (int c = 0; c < COLUMNS; c++) {
                Spreadsheets.text(numbers, c, "(" + (c + 1) + ")", styles.numberHeading);
            }
            int no = 0;
            for (DossierReports.Row row : report.rows()) {
                Row line = sheet.createRow(r++);
                Spreadsheets.number(line, 0, ++no, styles.center);
                Spreadsheets.text(line, 1, row.name().isBlank() ? "(Chưa xác định)" : row.name(), styles.wrap);
                figures(line, row, styles.number);
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellStyle(styles.boldCenter);
            Spreadsheets.text(total, 1, "Tổng cộng", styles.boldCenter);
            figures(total, report.total(), styles.boldNumber);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
            r += 2;
            Spreadsheets.text(sheet, r++, 0, "Ghi chú:", styles.boldLeft);
            for (String note : reports.legend(groupBy, report.lateness().settings(), DossierReports.VIETNAMESE)) {
                Spreadsheets.merged(sheet, r, 0, COLUMNS - 1, "- " + note, styles.note);
                sheet.getRow(r).setHeightInPoints(30);
                r++;
            }
            signatures(sheet, r + 1, styles);
            sheet.createFreezePane(2, h3 + 2);
        });
    }

    /**
     * The place and date line and the two signatures of the table: who drew it up (Người lập biểu) and the head
     * of the reporting unit (Thủ trưởng đơn vị), who signs and stamps it. Dated the day it is drawn up, written as
     * Decree 30/2020/NĐ-CP Appendix I asks (a leading zero for days below 10 and for months 1 and 2).
     */
    private void signatures(Sheet sheet, int r, Styles styles) {
        LocalDate today = VietnamTime.today(clock);
        Spreadsheets.merged(sheet, r, 8, COLUMNS - 1, text("report.sheet.date-line", forms.place(),
                String.format("%02d", today.getDayOfMonth()), DossierForms.month(today.getMonthValue()),
                String.valueOf(today.getYear())), styles.centerItalic);
        Spreadsheets.merged(sheet, r + 1, 0, 4, text("report.sheet.drawn-up-by"), styles.boldCenterPlain);
        Spreadsheets.merged(sheet, r + 1, 8, COLUMNS - 1, text("report.sheet.head"), styles.boldCenterPlain);
        Spreadsheets.merged(sheet, r + 2, 0, 4, text("report.sheet.drawn-up-by.sign"), styles.centerItalic);
        Spreadsheets.merged(sheet, r + 2, 8, COLUMNS - 1, text("report.sheet.head.sign"), styles.centerItalic);
    }

    private String text(String key, Object... args) {
        return reports.vietnamese(key, args);
    }

    private static void figures(Row line, DossierReports.Row row, CellStyle style) {
        long[] values = {row.received(), row.receivedOnline(), row.receivedDirect(), row.carriedOver(), row.resolved(),
            row.resolvedEarly(), row.resolvedOnTime(), row.resolvedLate(), row.inProgress(),
            row.inProgressWithinLimit(), row.inProgressOverdue()};
        for (int i = 0; i < values.length; i++) {
            Spreadsheets.number(line, 2 + i, values[i], style);
        }
    }

    private static void header(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn, String text) {
        sheet.getRow(firstRow).getCell(firstColumn).setCellValue(text);
        if (firstRow != lastRow || firstColumn != lastColumn) {
            CellRangeAddress region = new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn);
            sheet.addMergedRegion(region);
            RegionUtil.setBorderTop(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderBottom(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderLeft(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderRight(BorderStyle.THIN, region, sheet);
        }
    }

    // --- tracking book (Form 07) ------------------------------------------------------------------

    /**
     * Streams the book: rows are flushed to a temporary file as they are written (SXSSF). The book's notes are
     * in its language: read it with {@link DossierReports#VIETNAMESE}.
     */
    public void trackingBook(TrackingBook book, OutputStream out) {
        Spreadsheets.streamed(out, workbook -> {
            Styles styles = new Styles(workbook);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.cloneStyleFrom(styles.center);
            Spreadsheets.formatted(workbook, dateTime, Spreadsheets.DATE_TIME_FORMAT);
            Sheet sheet = workbook.createSheet("Sổ theo dõi hồ sơ");
            Spreadsheets.widths(sheet, BOOK_WIDTHS);
            int last = BOOK_COLUMNS.length - 1;
            Spreadsheets.merged(sheet, 0, 0, 4, book.unit(), styles.boldLeft);
            // The book's number in Circular 03/2025/TT-VPCP Annex I (a setting, as the other forms' numbers).
            Spreadsheets.merged(sheet, 0, last - 1, last, "Mẫu số " + forms.number(Form.TRACKING_BOOK),
                    styles.centerItalic);
            Spreadsheets.merged(sheet, 2, 0, last, BOOK_TITLE, styles.title);
            Spreadsheets.merged(sheet, 3, 0, last,
                    "Lĩnh vực: " + (book.field() == null ? "Tất cả các lĩnh vực" : book.field()), styles.centerItalic);
            Spreadsheets.merged(sheet, 4, 0, last,
                    "Từ ngày " + Spreadsheets.date(book.from()) + " đến ngày " + Spreadsheets.date(book.to()),
                    styles.centerItalic);
            Row heading = Spreadsheets.header(sheet, 6, BOOK_COLUMNS, styles.header);
            heading.setHeightInPoints(32);
            Row numbers = sheet.createRow(7);
            for (int c = 0; c < BOOK_COLUMNS.length; c++) {
                Spreadsheets.text(numbers, c, "(" + (c + 1) + ")", styles.numberHeading);
            }
            int r = 8;
            for (BookEntry entry : book.items()) {
                Row line = sheet.createRow(r++);
                Spreadsheets.number(line, 0, entry.no(), styles.center);
                Spreadsheets.text(line, 1, entry.code(), styles.wrap);
                Spreadsheets.text(line, 2, entry.procedureName(), styles.wrap);
                Spreadsheets.number(line, 3, entry.sets(), styles.center);
                Spreadsheets.text(line, 4, entry.applicant(), styles.wrap);
                Spreadsheets.text(line, 5, join(entry.address(), entry.phone()), styles.wrap);
                Spreadsheets.text(line, 6, entry.leadUnitName(), styles.wrap);
                time(line, 7, entry.receivedAt(), dateTime, styles.center);
                time(line, 8, entry.dueAt(), dateTime, styles.center);
                time(line, 9, entry.returnedAt(), dateTime, styles.center);
                Spreadsheets.text(line, 10, entry.returnMethod() == null ? ""
                        : reports.vietnamese("report.return-method." + entry.returnMethod()), styles.wrap);
                // Signed by hand on the printed book when the result is handed over.
                Spreadsheets.text(line, 11, "", styles.wrap);
                Spreadsheets.text(line, 12, reports.vietnamese("dossier-status." + entry.status()), styles.wrap);
                Spreadsheets.text(line, 13, entry.note() == null ? "" : entry.note(), styles.wrap);
            }
            sheet.createFreezePane(0, 8);
        });
    }

    private static String join(String address, String phone) {
        if (address == null || address.isBlank()) {
            return phone == null ? "" : phone;
        }
        return phone == null || phone.isBlank() ? address : address + "; " + phone;
    }

    private static void time(Row line, int column, OffsetDateTime value, CellStyle style, CellStyle empty) {
        Cell cell = line.createCell(column);
        if (value == null) {
            cell.setCellStyle(empty);
            return;
        }
        cell.setCellValue(value.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime());
        cell.setCellStyle(style);
    }

    /** The few styles the forms use: Times New Roman, thin borders in the table. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle boldLeft;
        final CellStyle left;
        final CellStyle rightItalic;
        final CellStyle boldCenterPlain;
        final CellStyle centerItalic;
        final CellStyle header;
        final CellStyle numberHeading;
        final CellStyle center;
        final CellStyle boldCenter;
        final CellStyle wrap;
        final CellStyle number;
        final CellStyle boldNumber;
        final CellStyle note;

        Styles(Workbook workbook) {
            Font plain = font(workbook, false, false, 12);
            Font bold = font(workbook, true, false, 12);
            Font italic = font(workbook, false, true, 12);
            title = style(workbook, font(workbook, true, false, 14), HorizontalAlignment.CENTER, false, false);
            boldLeft = style(workbook, bold, HorizontalAlignment.LEFT, false, false);
            left = style(workbook, plain, HorizontalAlignment.LEFT, false, true);
            rightItalic = style(workbook, italic, HorizontalAlignment.RIGHT, false, false);
            boldCenterPlain = style(workbook, bold, HorizontalAlignment.CENTER, false, false);
            centerItalic = style(workbook, italic, HorizontalAlignment.CENTER, false, false);
            header = style(workbook, bold, HorizontalAlignment.CENTER, true, true);
            numberHeading = style(workbook, italic, HorizontalAlignment.CENTER, true, false);
            center = style(workbook, plain, HorizontalAlignment.CENTER, true, false);
            boldCenter = style(workbook, bold, HorizontalAlignment.CENTER, true, false);
            wrap = style(workbook, plain, HorizontalAlignment.LEFT, true, true);
            number = style(workbook, plain, HorizontalAlignment.RIGHT, true, false);
            Spreadsheets.formatted(workbook, number, Spreadsheets.NUMBER_FORMAT);
            boldNumber = style(workbook, bold, HorizontalAlignment.RIGHT, true, false);
            Spreadsheets.formatted(workbook, boldNumber, Spreadsheets.NUMBER_FORMAT);
            note = style(workbook, italic, HorizontalAlignment.LEFT, false, true);
        }

        private static Font font(Workbook workbook, boolean bold, boolean italic, int points) {
            return Spreadsheets.font(workbook, "Times New Roman", points, bold, italic);
        }

        private static CellStyle style(Workbook workbook, Font font, HorizontalAlignment alignment, boolean border,
                boolean wrap) {
            return Spreadsheets.style(workbook, font, alignment, VerticalAlignment.CENTER, border, wrap);
        }
    }
}
