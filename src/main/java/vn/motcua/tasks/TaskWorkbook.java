package vn.motcua.tasks;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Spreadsheets;
import vn.motcua.tasks.TaskViews.ExportRow;

/**
 * The task list as leaders read it (XLSX, streamed row by row so that a hundred thousand tasks fit in little
 * memory): task, source, assigning leader, host unit, dates, status and the latest progress, as of a day.
 */
@Component
public class TaskWorkbook {

    private static final String[] COLUMNS = {"no", "title", "source", "assigned-by", "host-unit", "assigned-on",
        "due-date", "status", "progress", "completed-on"};
    private static final int[] WIDTHS = {6, 60, 40, 24, 32, 12, 12, 24, 45, 14};

    private final Tasks tasks;
    private final Messages messages;

    TaskWorkbook(Tasks tasks, Messages messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    public static String fileName(LocalDate day) {
        return "nhiem-vu-" + day + ".xlsx";
    }

    public void write(LocalDate day, StaffUser caller, OutputStream out) {
        Spreadsheets.streamed(out, workbook -> {
            Font bold = Spreadsheets.font(workbook, null, 0, true, false);
            CellStyle title = Spreadsheets.style(workbook, bold, HorizontalAlignment.CENTER, null, false, false);
            CellStyle header = Spreadsheets.style(workbook, bold, HorizontalAlignment.CENTER, VerticalAlignment.TOP,
                    true, true);
            CellStyle cell = Spreadsheets.style(workbook, null, null, VerticalAlignment.TOP, true, true);
            CellStyle number = Spreadsheets.style(workbook, null, HorizontalAlignment.CENTER, VerticalAlignment.TOP,
                    true, false);
            Font red = workbook.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            CellStyle overdue = Spreadsheets.style(workbook, red, null, VerticalAlignment.TOP, true, true);

            Sheet sheet = workbook.createSheet(messages.text("task.export.sheet"));
            Spreadsheets.widths(sheet, WIDTHS);
            Spreadsheets.merged(sheet, 0, 0, COLUMNS.length - 1, messages.text("task.export.title"), title);
            Spreadsheets.merged(sheet, 1, 0, COLUMNS.length - 1,
                    messages.text("task.export.as-of", Spreadsheets.date(day)), title);
            Spreadsheets.header(sheet, 3, Arrays.stream(COLUMNS)
                    .map(c -> messages.text("task.export.column." + c)).toArray(String[]::new), header);
            sheet.createFreezePane(0, 4);
            int[] next = {4};
            tasks.export(day, caller, row -> {
                Row line = sheet.createRow(next[0]);
                CellStyle style = row.status() == TaskStatus.IN_PROGRESS_OVERDUE ? overdue : cell;
                // STT is a number, so that the sheet sorts and counts like the paper list.
                Spreadsheets.number(line, 0, next[0] - 3, number);
                String[] values = {row.title(), source(row),
                    row.assignedByName(), row.hostUnitName(), Spreadsheets.date(row.assignedOn()),
                    Spreadsheets.date(row.dueDate()), messages.text("task.status." + row.status().name()),
                    progress(row), Spreadsheets.date(row.completedOn())};
                for (int i = 0; i < values.length; i++) {
                    Spreadsheets.text(line, i + 1, values[i], style);
                }
                next[0]++;
            });
        });
    }

    private String source(ExportRow row) {
        TaskViews.Source source = row.source();
        StringBuilder text = new StringBuilder();
        if (source.documentNumber() != null) {
            text.append(source.documentNumber());
            if (source.documentDate() != null) {
                text.append(messages.text("task.export.dated", Spreadsheets.date(source.documentDate())));
            }
        }
        if (source.summary() != null) {
            text.append(text.isEmpty() ? "" : ": ").append(source.summary());
        }
        return text.toString();
    }

    /**
     * The latest progress report; a completed task is done in full whatever its last report said (a task
     * reported at 40 % and then completed reads 100 %).
     */
    private String progress(ExportRow row) {
        if (row.status().completed()) {
            return messages.text("task.export.completed-progress");
        }
        if (row.progressPercent() == null) {
            return "";
        }
        return row.progressPercent() + "% (" + Spreadsheets.date(row.progressOn()) + ")"
                + (row.progressNote() == null ? "" : ": " + row.progressNote());
    }
}
