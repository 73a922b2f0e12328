package vn.motcua.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How every workbook is written (reports, task exports, the catalogue's import template): in memory for a
 * small one, streamed row by row (SXSSF) for one that grows with the data; dates as people write them here
 * (dd/MM/yyyy), counts and đồng with Excel's {@code #,##0}, which Excel shows with the reader's grouping
 * ({@code 1.500.000} in Vietnamese).
 */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A day written as text: {@code 26/11/2026}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Excel's format of a date-time cell. */
    public static final String DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
    /** Excel's format of a whole number (đồng, counts) with thousands grouped. */
    public static final String NUMBER_FORMAT = "#,##0";
    /** Rows kept in memory while streaming; the rest is flushed to a temporary file. */
    static final int STREAM_WINDOW = 200;

    private Spreadsheets() {}

    /** A workbook built in memory, as bytes. */
    public static byte[] inMemory(Consumer<Workbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook streamed to {@code out} as its rows are made; its temporary files are removed afterwards. */
    public static void streamed(OutputStream out, Consumer<SXSSFWorkbook> content) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(STREAM_WINDOW);
        try {
            content.accept(workbook);
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

    /** A font; {@code name} null and {@code points} 0 keep the workbook's default. */
    public static Font font(Workbook workbook, String name, int points, boolean bold, boolean italic) {
        Font font = workbook.createFont();
        if (name != null) {
            font.setFontName(name);
        }
        if (points > 0) {
            font.setFontHeightInPoints((short) points);
        }
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }

    /** A cell style; a null {@code vertical} keeps Excel's default (bottom). */
    public static CellStyle style(Workbook workbook, Font font, HorizontalAlignment horizontal,
            VerticalAlignment vertical, boolean border, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        if (horizontal != null) {
            style.setAlignment(horizontal);
        }
        if (vertical != null) {
            style.setVerticalAlignment(vertical);
        }
        if (wrap) {
            style.setWrapText(true);
        }
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** {@code style} showing its number as {@code format} ({@link #NUMBER_FORMAT}, {@link #DATE_TIME_FORMAT}). */
    public static CellStyle formatted(Workbook workbook, CellStyle style, String format) {
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** Column widths in characters, from the first column. */
    public static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    /** The row at {@code index}, made if it does not exist yet. */
    public static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    /** A text cell ({@code null} written as empty text). */
    public static Cell text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text == null ? "" : text);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    public static Cell text(Sheet sheet, int row, int column, String text, CellStyle style) {
        return text(row(sheet, row), column, text, style);
    }

    /** A text cell across the columns {@code firstColumn..lastColumn} of one row. */
    public static Cell merged(Sheet sheet, int row, int firstColumn, int lastColumn, String text, CellStyle style) {
        Cell cell = text(sheet, row, firstColumn, text, style);
        sheet.addMergedRegion(new CellRangeAddress(row, row, firstColumn, lastColumn));
        return cell;
    }

    /** A number cell. */
    public static Cell number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    /** One row of labels. */
    public static Row header(Sheet sheet, int row, String[] labels, CellStyle style) {
        Row line = row(sheet, row);
        for (int c = 0; c < labels.length; c++) {
            text(line, c, labels[c], style);
        }
        return line;
    }

    /** A day as text, dd/MM/yyyy; empty for none. */
    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }
}
