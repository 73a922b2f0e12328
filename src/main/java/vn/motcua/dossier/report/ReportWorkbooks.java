package vn.motcua.dossier.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.report.DossierReports.BookEntry;
import vn.motcua.dossier.report.DossierReports.Statistics;
import vn.motcua.dossier.report.DossierReports.TrackingBook;
import vn.motcua.shared.VietnamTime;

/**
 * The reports as the official forms look on paper, always in Vietnamese: the statutory statistics table
 * (columns (1) to (13), two-level headings, totals, notes) and the tracking book (Form 06, streamed).
 */
@Component
public class ReportWorkbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String STATISTICS_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
    static final String BOOK_TITLE = "SỔ THEO DÕI HỒ SƠ";
    static final String[] BOOK_COLUMNS = {"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân",
        "Địa chỉ, số điện thoại", "Cơ quan, đơn vị chủ trì giải quyết", "Ngày, giờ nhận hồ sơ",
        "Ngày, giờ hẹn trả kết quả", "Ngày, giờ trả kết quả", "Hình thức trả kết quả", "Trạng thái"};
    static final int[] BOOK_WIDTHS = {6, 26, 48, 28, 36, 30, 18, 18, 18, 16, 22};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int COLUMNS = 13;

    private final DossierReports reports;

    ReportWorkbooks(DossierReports reports) {
        this.reports = reports;
    }

    /** {@code thong-ke-ho-so-2024-06-15-den-2024-07-14.xlsx} */
    public static String statisticsFileName(LocalDate from, LocalDate to) {
        return "thong-ke-ho-so-" + from + "-den-" + to + ".xlsx";
    }

    public static String bookFileName(LocalDate from, LocalDate to) {
        return "so-theo-doi-ho-so-" + from + "-den-" + to + ".xlsx";
    }

    static String period(LocalDate from, LocalDate to) {
        return "Kỳ báo cáo: từ ngày " + DATE.format(from) + " đến ngày " + DATE.format(to);
    }

    // --- statutory statistics ---------------------------------------------------------------------

    public byte[] statistics(Statistics report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Thống kê");
            boolean byField = report.groupBy().equals("field");
            int[] widths = {6, 40, 11, 11, 13, 11, 11, 11, 11, 11, 11, 11, 11};
            for (int i = 0; i < COLUMNS; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            int r = 0;
            text(sheet, r, 0, "Đơn vị báo cáo: " + report.reportingUnit(), styles.boldLeft);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 5));
            r += 2;
            text(sheet, r, 0, STATISTICS_TITLE, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
            r++;
            text(sheet, r, 0, period(report.from(), report.to()), styles.centerItalic);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
            r++;
            text(sheet, r, 0, byField ? "(Thống kê theo lĩnh vực)" : "(Thống kê theo cơ quan tiếp nhận)",
                    styles.centerItalic);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
            r += 2;

            int h1 = r;
            int h2 = r + 1;
            int h3 = r + 2;
            for (int row = h1; row <= h3; row++) {
                Row line = sheet.createRow(row);
                line.setHeightInPoints(row == h3 ? 32 : 30);
                for (int c = 0; c < COLUMNS; c++) {
                    line.createCell(c).setCellStyle(styles.header);
                }
            }
            header(sheet, h1, h3, 0, 0, "STT");
            header(sheet, h1, h3, 1, 1, byField ? "Lĩnh vực" : "Cơ quan");
            header(sheet, h1, h1, 2, 5, "Số hồ sơ nhận giải quyết");
            header(sheet, h1, h1, 6, 9, "Số hồ sơ đã giải quyết");
            header(sheet, h1, h1, 10, 12, "Số hồ sơ đang giải quyết");
            header(sheet, h2, h3, 2, 2, "Tổng số");
            header(sheet, h2, h2, 3, 4, "Trong kỳ");
            header(sheet, h3, h3, 3, 3, "Trực tuyến");
            header(sheet, h3, h3, 4, 4, "Trực tiếp, bưu chính");
            header(sheet, h2, h3, 5, 5, "Từ kỳ trước");
            header(sheet, h2, h3, 6, 6, "Tổng số");
            header(sheet, h2, h3, 7, 7, "Trước hạn");
            header(sheet, h2, h3, 8, 8, "Đúng hạn");
            header(sheet, h2, h3, 9, 9, "Quá hạn");
            header(sheet, h2, h3, 10, 10, "Tổng số");
            header(sheet, h2, h3, 11, 11, "Trong hạn");
            header(sheet, h2, h3, 12, 12, "Quá hạn");
            r = h3 + 1;
            Row numbers = sheet.createRow(r++);
            for (int c = 0; c < COLUMNS; c++) {
                Cell cell = numbers.createCell(c);
                cell.setCellValue("(" + (c + 1) + ")");
                cell.setCellStyle(styles.numberHeading);
            }
            int no = 0;
            for (DossierReports.Row row : report.rows()) {
                Row line = sheet.createRow(r++);
                Cell first = line.createCell(0);
                first.setCellValue(++no);
                first.setCellStyle(styles.center);
                Cell name = line.createCell(1);
                name.setCellValue(row.name().isBlank() ? "(Chưa xác định)" : row.name());
                name.setCellStyle(styles.wrap);
                figures(line, row, styles.number);
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellStyle(styles.boldCenter);
            Cell label = total.createCell(1);
            label.setCellValue("Tổng cộng");
            label.setCellStyle(styles.boldCenter);
            figures(total, report.total(), styles.boldNumber);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
            r += 2;
            text(sheet, r++, 0, "Ghi chú:", styles.boldLeft);
            for (String note : reports.legend(DossierReports.VIETNAMESE)) {
                text(sheet, r, 0, "- " + note, styles.note);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
                sheet.getRow(r).setHeightInPoints(30);
                r++;
            }
            sheet.createFreezePane(2, h3 + 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figures(Row line, DossierReports.Row row, CellStyle style) {
        long[] values = {row.received(), row.receivedOnline(), row.receivedDirect(), row.carriedOver(), row.resolved(),
            row.resolvedEarly(), row.resolvedOnTime(), row.resolvedLate(), row.inProgress(),
            row.inProgressWithinLimit(), row.inProgressOverdue()};
        for (int i = 0; i < values.length; i++) {
            Cell cell = line.createCell(2 + i);
            cell.setCellValue(values[i]);
            cell.setCellStyle(style);
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

    private static void text(Sheet sheet, int row, int column, String text, CellStyle style) {
        Row line = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = line.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    // --- tracking book (Form 06) ------------------------------------------------------------------

    /** Streams the book: rows are flushed to a temporary file as they are written (SXSSF). */
    public void trackingBook(TrackingBook book, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Styles styles = new Styles(workbook);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.cloneStyleFrom(styles.center);
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Sheet sheet = workbook.createSheet("Sổ theo dõi hồ sơ");
            for (int i = 0; i < BOOK_COLUMNS.length; i++) {
                sheet.setColumnWidth(i, BOOK_WIDTHS[i] * 256);
            }
            int last = BOOK_COLUMNS.length - 1;
            text(sheet, 0, 0, book.unit(), styles.boldLeft);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            text(sheet, 2, 0, BOOK_TITLE, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
            text(sheet, 3, 0, "Lĩnh vực: " + (book.field() == null ? "Tất cả các lĩnh vực" : book.field()),
                    styles.centerItalic);
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, last));
            text(sheet, 4, 0, "Từ ngày " + DATE.format(book.from()) + " đến ngày " + DATE.format(book.to()),
                    styles.centerItalic);
            sheet.addMergedRegion(new CellRangeAddress(4, 4, 0, last));
            Row heading = sheet.createRow(6);
            heading.setHeightInPoints(32);
            Row numbers = sheet.createRow(7);
            for (int c = 0; c < BOOK_COLUMNS.length; c++) {
                Cell cell = heading.createCell(c);
                cell.setCellValue(BOOK_COLUMNS[c]);
                cell.setCellStyle(styles.header);
                Cell number = numbers.createCell(c);
                number.setCellValue("(" + (c + 1) + ")");
                number.setCellStyle(styles.numberHeading);
            }
            int r = 8;
            for (BookEntry entry : book.items()) {
                Row line = sheet.createRow(r++);
                Cell no = line.createCell(0);
                no.setCellValue(entry.no());
                no.setCellStyle(styles.center);
                cell(line, 1, entry.code(), styles.wrap);
                cell(line, 2, entry.procedureName(), styles.wrap);
                cell(line, 3, entry.applicant(), styles.wrap);
                cell(line, 4, join(entry.address(), entry.phone()), styles.wrap);
                cell(line, 5, entry.leadUnitName(), styles.wrap);
                time(line, 6, entry.receivedAt(), dateTime, styles.center);
                time(line, 7, entry.dueAt(), dateTime, styles.center);
                time(line, 8, entry.returnedAt(), dateTime, styles.center);
                cell(line, 9, entry.returnMethod() == null ? ""
                        : reports.vietnamese("report.return-method." + entry.returnMethod()), styles.wrap);
                cell(line, 10, reports.vietnamese("dossier-status." + entry.status()), styles.wrap);
            }
            sheet.createFreezePane(0, 8);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are gone already
            }
        }
    }

    private static String join(String address, String phone) {
        if (address == null || address.isBlank()) {
            return phone == null ? "" : phone;
        }
        return phone == null || phone.isBlank() ? address : address + "; " + phone;
    }

    private static void cell(Row line, int column, String value, CellStyle style) {
        Cell cell = line.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
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
            centerItalic = style(workbook, italic, HorizontalAlignment.CENTER, false, false);
            header = style(workbook, bold, HorizontalAlignment.CENTER, true, true);
            numberHeading = style(workbook, italic, HorizontalAlignment.CENTER, true, false);
            center = style(workbook, plain, HorizontalAlignment.CENTER, true, false);
            boldCenter = style(workbook, bold, HorizontalAlignment.CENTER, true, false);
            wrap = style(workbook, plain, HorizontalAlignment.LEFT, true, true);
            number = style(workbook, plain, HorizontalAlignment.RIGHT, true, false);
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            boldNumber = style(workbook, bold, HorizontalAlignment.RIGHT, true, false);
            boldNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            note = style(workbook, italic, HorizontalAlignment.LEFT, false, true);
        }

        private static Font font(Workbook workbook, boolean bold, boolean italic, int points) {
            Font font = workbook.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setItalic(italic);
            return font;
        }

        private static CellStyle style(Workbook workbook, Font font, HorizontalAlignment alignment, boolean border,
                boolean wrap) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(wrap);
            if (border) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
