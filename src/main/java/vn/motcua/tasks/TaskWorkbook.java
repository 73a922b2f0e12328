package vn.motcua.tasks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.tasks.TaskViews.ExportRow;

/**
 * The task list as leaders read it (XLSX, streamed row by row so that a hundred thousand tasks fit in little
 * memory): task, source, assigning leader, host unit, dates, status and the latest progress, as of a day.
 */
@Component
public class TaskWorkbook {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] COLUMNS = {"no", "title", "source", "assigned-by", "host-unit", "assigned-on",
        "due-date", "status", "progress", "completed-on"};
    private static final int[] WIDTHS = {6, 60, 40, 24, 32, 12, 12, 24, 45, 14};

    private final Tasks tasks;
    private final MessageSource messages;

    TaskWorkbook(Tasks tasks, MessageSource messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    public static String fileName(LocalDate day) {
        return "nhiem-vu-" + day + ".xlsx";
    }

    public void write(LocalDate day, StaffUser caller, OutputStream out) {
        Locale locale = LocaleContextHolder.getLocale();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            CellStyle cell = bordered(workbook);
            CellStyle overdue = bordered(workbook);
            Font red = workbook.createFont();
            red.setColor(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            overdue.setFont(red);

            Sheet sheet = workbook.createSheet(text("task.export.sheet", locale));
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            Row first = sheet.createRow(0);
            first.createCell(0).setCellValue(text("task.export.title", locale));
            first.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.length - 1));
            Row second = sheet.createRow(1);
            second.createCell(0).setCellValue(messages.getMessage("task.export.as-of", new Object[] {DAY.format(day)},
                    locale));
            second.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, COLUMNS.length - 1));
            Row head = sheet.createRow(3);
            for (int i = 0; i < COLUMNS.length; i++) {
                head.createCell(i).setCellValue(text("task.export.column." + COLUMNS[i], locale));
                head.getCell(i).setCellStyle(header);
            }
            sheet.createFreezePane(0, 4);
            int[] next = {4};
            tasks.export(day, caller, row -> {
                Row line = sheet.createRow(next[0]);
                CellStyle style = row.status() == TaskStatus.IN_PROGRESS_OVERDUE ? overdue : cell;
                String[] values = {String.valueOf(next[0] - 3), row.title(), source(row, locale),
                    row.assignedByName(), row.hostUnitName(), format(row.assignedOn()), format(row.dueDate()),
                    text("task.status." + row.status().name(), locale), progress(row), format(row.completedOn())};
                for (int i = 0; i < values.length; i++) {
                    line.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
                    line.getCell(i).setCellStyle(style);
                }
                next[0]++;
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String source(ExportRow row, Locale locale) {
        TaskViews.Source source = row.source();
        StringBuilder text = new StringBuilder();
        if (source.documentNumber() != null) {
            text.append(source.documentNumber());
            if (source.documentDate() != null) {
                text.append(messages.getMessage("task.export.dated", new Object[] {DAY.format(source.documentDate())},
                        locale));
            }
        }
        if (source.summary() != null) {
            text.append(text.isEmpty() ? "" : ": ").append(source.summary());
        }
        return text.toString();
    }

    private static String progress(ExportRow row) {
        if (row.progressPercent() == null) {
            return "";
        }
        return row.progressPercent() + "% (" + DAY.format(row.progressOn()) + ")"
                + (row.progressNote() == null ? "" : ": " + row.progressNote());
    }

    private static String format(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static CellStyle bordered(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(true);
        return style;
    }
}
