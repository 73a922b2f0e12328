package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.Spreadsheets;

/**
 * Bulk import and export of the catalogue, as JSON (the API's shape) or as an XLSX workbook with four
 * sheets (see docs/catalog-import.md). An import is all or nothing: every row is checked first, and if
 * any row is rejected nothing is written; the report says, row by row, what was (or would have been)
 * created, updated or rejected and why.
 */
@Service
public class ProcedureTransfer {

    static final String SHEET_PROCEDURES = "Thủ tục";
    static final String SHEET_DOCUMENTS = "Thành phần hồ sơ";
    static final String SHEET_FEES = "Phí, lệ phí";
    static final String SHEET_STEPS = "Quy trình";
    static final String[] PROCEDURE_COLUMNS = {"Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cơ quan thực hiện",
        "Mã cơ quan", "Đối tượng (CITIZEN, ORGANIZATION)", "Thời hạn", "Đơn vị (WORKING_DAYS, WORKING_HOURS)",
        "Mức độ trực tuyến (FULL, PARTIAL, NONE)", "Kết quả", "Điều kiện", "Căn cứ pháp lý",
        "Khi bổ sung hồ sơ (RESTART, PAUSE)", "Số quyết định công bố", "Ngày quyết định", "Ngày hiệu lực",
        "Mức định danh điện tử để nộp trực tuyến (1, 2)",
        "Thời điểm phải nộp phí (NONE, BEFORE_ACCEPTANCE, BEFORE_RETURN)"};
    static final String[] DOCUMENT_COLUMNS = {"Mã thủ tục", "Tên giấy tờ", "Loại bản (ORIGINAL, COPY, CERTIFIED_COPY)",
        "Số lượng", "Bắt buộc (X)", "Tệp mẫu đơn"};
    static final String[] FEE_COLUMNS = {"Mã thủ tục", "Tên phí, lệ phí", "Số tiền (đồng)", "Ghi chú",
        "Số tiền khi nộp trực tuyến (đồng)"};
    static final String[] STEP_COLUMNS = {"Mã thủ tục", "Bước", "Tên bước", "Mã đơn vị", "Vai trò (RECEPTION, SPECIALIST, LEADER, CLERK)",
        "Số giờ làm việc", "Kết quả của bước"};
    static final int MAX_ROWS = 5_000;

    private final Catalog catalog;
    private final Procedures procedures;
    private final MessageSource messages;

    ProcedureTransfer(Catalog catalog, Procedures procedures, MessageSource messages) {
        this.catalog = catalog;
        this.procedures = procedures;
        this.messages = messages;
    }

    public enum Outcome { CREATED, UPDATED, REJECTED }

    public record RowReport(int row, String code, Outcome result, List<Map<String, String>> errors) {}

    public record Report(boolean applied, int created, int updated, int rejected, List<RowReport> rows) {}

    /** One procedure to import, with the row it came from (the line of the "Thủ tục" sheet, or the array index + 1). */
    public record Line(int row, ProcedureData data) {}

    @Transactional
    public Report importLines(List<Line> lines) {
        if (lines.size() > MAX_ROWS) {
            throw ProblemException.invalid("file", "catalog.import.too-many-rows", MAX_ROWS);
        }
        List<RowReport> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            ProcedureData data = line.data();
            List<FieldError> errors = new ArrayList<>(ProcedureRules.draftErrors(data));
            String code = data.code();
            Outcome outcome = code != null && procedures.existsByCode(code) ? Outcome.UPDATED : Outcome.CREATED;
            if (code != null && !seen.add(code)) {
                errors.add(new FieldError("code", "catalog.import.duplicate-code", code));
            }
            if (outcome == Outcome.UPDATED
                    && procedures.findByCodeAndStatus(code, ProcedureStatus.PUBLISHED).isEmpty()
                    && procedures.findByCodeAndStatus(code, ProcedureStatus.DRAFT).isEmpty()) {
                errors.add(new FieldError("code", "catalog.abolished", code));
            }
            if (errors.isEmpty() && data.publication() != null) {
                errors.addAll(ProcedureRules.publishProblems(data, data.publication(), catalog::activeUnit));
            }
            rows.add(new RowReport(line.row(), code, errors.isEmpty() ? outcome : Outcome.REJECTED,
                    errors.stream().map(this::message).toList()));
        }
        boolean clean = rows.stream().noneMatch(r -> r.result() == Outcome.REJECTED);
        if (clean) {
            try {
                for (Line line : lines) {
                    ProcedureData data = line.data();
                    if (procedures.existsByCode(data.code())) {
                        catalog.change(data.code(), withoutRevision(data));
                    } else {
                        catalog.create(data);
                    }
                    if (data.publication() != null) {
                        catalog.publish(data.code(), data.publication());
                    }
                }
            } catch (ProblemException e) {
                // A rule checked only while writing (e.g. a concurrent change): nothing is kept.
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                throw e;
            }
        }
        return new Report(clean, count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                count(rows, Outcome.REJECTED), rows);
    }

    /** The published catalogue (or every procedure's latest version) in the import shape. */
    @Transactional(readOnly = true)
    public List<ProcedureData> export(boolean latestVersions) {
        List<ProcedureData> all = new ArrayList<>();
        int page = 0;
        Page<Catalog.Summary> found;
        do {
            found = latestVersions
                    ? catalog.searchAll(null, null, page, Catalog.MAX_PAGE_SIZE)
                    : catalog.searchPublished(null, null, null, page, Catalog.MAX_PAGE_SIZE);
            for (Catalog.Summary summary : found.items()) {
                (latestVersions ? catalog.current(summary.code()) : catalog.published(summary.code()))
                        .ifPresent(all::add);
            }
            page++;
        } while ((long) page * Catalog.MAX_PAGE_SIZE < found.total());
        return all;
    }

    // --- XLSX -----------------------------------------------------------------------------------

    public byte[] toWorkbook(List<ProcedureData> all) {
        return Spreadsheets.inMemory(workbook -> {
            Sheet procedureSheet = sheet(workbook, SHEET_PROCEDURES, PROCEDURE_COLUMNS);
            Sheet documentSheet = sheet(workbook, SHEET_DOCUMENTS, DOCUMENT_COLUMNS);
            Sheet feeSheet = sheet(workbook, SHEET_FEES, FEE_COLUMNS);
            Sheet stepSheet = sheet(workbook, SHEET_STEPS, STEP_COLUMNS);
            for (ProcedureData p : all) {
                var publication = p.publication();
                row(procedureSheet, p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(),
                        String.join(",", p.applicants().stream().map(Enum::name).toList()), p.timeLimit().amount(),
                        p.timeLimit().unit().name(), p.onlineLevel().name(), p.result(), p.conditions(), p.legalBasis(),
                        p.clockPolicy().name(), publication == null ? null : publication.decisionNumber(),
                        publication == null ? null : publication.decisionDate(),
                        publication == null ? null : publication.effectiveFrom(), p.assuranceLevel(), p.payment().name());
                p.documents().forEach(d -> row(documentSheet, p.code(), d.name(), d.copyKind().name(), d.count(),
                        Boolean.TRUE.equals(d.mandatory()) ? "X" : "", d.templateName()));
                p.fees().forEach(f -> row(feeSheet, p.code(), f.name(), f.amount(), f.note(), f.onlineAmount()));
                p.steps().forEach(s -> row(stepSheet, p.code(), s.order(), s.name(), s.unitCode(), s.role().name(),
                        s.durationHours(), s.output()));
            }
            for (Sheet sheet : List.of(procedureSheet, documentSheet, feeSheet, stepSheet)) {
                for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                    sheet.setColumnWidth(c, 24 * 256);
                }
                sheet.createFreezePane(0, 1);
            }
        });
    }

    /**
     * Reads the workbook into import lines. Cells that cannot be read (a word where a number belongs)
     * become rule violations of their row, so that the report names them.
     */
    public List<Line> fromWorkbook(InputStream in) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet procedureSheet = required(workbook, SHEET_PROCEDURES);
            Map<String, List<ProcedureData.DocumentData>> documents = new LinkedHashMap<>();
            Map<String, List<ProcedureData.FeeData>> fees = new LinkedHashMap<>();
            Map<String, List<ProcedureData.StepData>> steps = new LinkedHashMap<>();
            each(workbook.getSheet(SHEET_DOCUMENTS), (r, cells) -> documents.computeIfAbsent(cells.text(0), k -> new ArrayList<>())
                    .add(new ProcedureData.DocumentData(null, cells.text(1), cells.enumValue(2, CopyKind.class),
                            cells.integer(3), "X".equalsIgnoreCase(cells.text(4)) || "x".equals(cells.text(4)),
                            cells.text(5))));
            each(workbook.getSheet(SHEET_FEES), (r, cells) -> fees.computeIfAbsent(cells.text(0), k -> new ArrayList<>())
                    .add(new ProcedureData.FeeData(cells.text(1), cells.longValue(2), cells.longValue(4), cells.text(3))));
            each(workbook.getSheet(SHEET_STEPS), (r, cells) -> steps.computeIfAbsent(cells.text(0), k -> new ArrayList<>())
                    .add(new ProcedureData.StepData(cells.integer(1), cells.text(2), cells.text(3),
                            cells.enumValue(4, StepRole.class), cells.integer(5), cells.text(6))));
            List<Line> lines = new ArrayList<>();
            for (int r = 1; r <= procedureSheet.getLastRowNum(); r++) {
                Cells cells = new Cells(procedureSheet.getRow(r));
                if (cells.blank()) {
                    continue;
                }
                String code = cells.text(0);
                ProcedureData.Publication publication = cells.text(13) == null ? null
                        : new ProcedureData.Publication(cells.text(13), cells.date(14), cells.date(15));
                List<Applicant> applicants = cells.text(5) == null ? List.of() : Arrays.stream(cells.text(5).split("[,;\\s]+"))
                        .filter(s -> !s.isBlank()).map(s -> parse(Applicant.class, s.strip())).toList();
                TimeUnit unit = cells.enumValue(7, TimeUnit.class);
                lines.add(new Line(r + 1, new ProcedureData(code, cells.text(1), cells.text(2), cells.text(3),
                        cells.text(4), applicants.contains(null) ? null : applicants,
                        new TimeLimit(cells.integer(6), unit), cells.enumValue(8, OnlineLevel.class), cells.level(16),
                        fees.getOrDefault(code, List.of()), cells.enumValue(17, PaymentTiming.class),
                        documents.getOrDefault(code, List.of()),
                        steps.getOrDefault(code, List.of()), cells.text(9), cells.text(10), cells.text(11),
                        cells.enumValue(12, ClockPolicy.class), null, null, null, publication)));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("file", "catalog.import.unreadable");
        }
    }

    private interface RowReader {
        void read(int row, Cells cells);
    }

    private static void each(Sheet sheet, RowReader reader) {
        if (sheet == null) {
            return;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cells cells = new Cells(sheet.getRow(r));
            if (!cells.blank()) {
                reader.read(r + 1, cells);
            }
        }
    }

    /** Typed access to one row; an unreadable cell reads as null, which the rules then report. */
    private static final class Cells {
        private static final DataFormatter FORMAT = new DataFormatter();
        private final Row row;

        Cells(Row row) {
            this.row = row;
        }

        boolean blank() {
            if (row == null) {
                return true;
            }
            for (Cell cell : row) {
                if (cell != null && !FORMAT.formatCellValue(cell).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String text(int column) {
            Cell cell = row == null ? null : row.getCell(column);
            if (cell == null) {
                return null;
            }
            String value = cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)
                    ? numeric(cell.getNumericCellValue()) : FORMAT.formatCellValue(cell);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** An assurance level, 1 or 2 ("2.0" as a copied number cell reads); anything else is out of range (0). */
        Integer level(int column) {
            String text = text(column);
            return text == null ? null : text.matches("[12](\\.0+)?") ? Integer.valueOf(text.substring(0, 1)) : 0;
        }

        Integer integer(int column) {
            Long value = longValue(column);
            return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
        }

        Long longValue(int column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return Long.parseLong(text.replace(".", "").replace(",", "").replace(" ", "").replace("đ", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        LocalDate date(int column) {
            Cell cell = row == null ? null : row.getCell(column);
            if (cell == null) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                    String[] parts = text.split("/");
                    return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
                }
                return LocalDate.parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(int column, Class<E> type) {
            String text = text(column);
            return text == null ? null : parse(type, text);
        }

        private static String numeric(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Sheet sheet(Workbook workbook, String name, String[] columns) {
        Sheet sheet = workbook.createSheet(name);
        Spreadsheets.header(sheet, 0, columns, Spreadsheets.style(workbook,
                Spreadsheets.font(workbook, null, 0, true, false), null, null, false, false));
        return sheet;
    }

    private static void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof Number number) {
                Spreadsheets.number(row, c, number.doubleValue(), null);
            } else if (value != null) {
                Spreadsheets.text(row, c, value.toString(), null);
            }
        }
    }

    private static Sheet required(Workbook workbook, String name) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw ProblemException.invalid("file", "catalog.import.missing-sheet", name);
        }
        return sheet;
    }

    private Map<String, String> message(FieldError error) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("field", error.field());
        map.put("message", messages.getMessage(error.messageKey(), error.args(), error.messageKey(),
                LocaleContextHolder.getLocale()));
        return map;
    }

    private static ProcedureData withoutRevision(ProcedureData d) {
        return new ProcedureData(d.code(), d.name(), d.field(), d.agencyName(), d.agencyCode(), d.applicants(),
                d.timeLimit(), d.onlineLevel(), d.requiredAssuranceLevel(), d.fees(), d.paymentTiming(), d.documents(), d.steps(),
                d.result(), d.conditions(), d.legalBasis(), d.clockPolicy(), null, null, null, d.publication());
    }

    private static int count(List<RowReport> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.result() == outcome).count();
    }
}
