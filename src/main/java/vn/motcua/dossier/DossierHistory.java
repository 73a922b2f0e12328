package vn.motcua.dossier;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.organization.Organization;
import vn.motcua.platform.DemoDataRequested;
import vn.motcua.shared.PhoneNumber;
import vn.motcua.shared.VietnameseText;

/**
 * The demo's dossier history (issue #5 "Demo and scale"): {@code motcua.demo.history-dossiers} dossiers
 * (default 3,000; 0 = none) received by the Office's one-stop desk over the last
 * {@code motcua.demo.history-years} years (default 1) up to now, across the published demo procedures, on
 * working days in office hours (online ones also in the evening and at weekends).
 *
 * <p>Each dossier is <em>replayed</em>: its life is planned (channel, the desk's decision, supplements,
 * how long each step takes, a send-back, an apology, a stop or withdrawal, when the result is collected)
 * and then performed through the aggregate's own transitions at those simulated instants, cut at now.
 * Statuses, due times, timeliness and the control slip are therefore what the live system computes;
 * the recent dossiers are naturally still in process, and a few recent ones are placed so that every
 * state of the queues is present (due within a working day, overdue, waiting for a supplement, result
 * waiting at the desk). The aggregates are built in memory and written in batches by {@link HistoryWriter}.
 *
 * <p>Codes: past days get their numbers by reserving a block on that day's {@code dossier_sequence} row
 * (an atomic upsert, so they never collide with anything else numbered on that day); today's dossiers
 * draw theirs through {@link DossierCodes} like live intake.
 */
@Component
class DossierHistory {

    private static final Logger log = LoggerFactory.getLogger(DossierHistory.class);
    static final String DESK = "VP.MC";
    private static final int BATCH = 1000;
    private static final ProcedureStatus PUBLISHED = ProcedureStatus.PUBLISHED;
    /** Synthetic procedures of scale tests ({@code --motcua.demo.synthetic-procedures}) get no history. */
    private static final String SYNTHETIC_PREFIX = "9.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final Catalog catalog;
    private final Organization organization;
    private final ProcessClock processClock;
    private final WorkingCalendar calendar;
    private final DossierCodes codes;
    private final HistoryWriter writer;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final JsonMapper json;
    private final Clock clock;
    private final int dossiers;
    private final int years;
    private final long seed;

    DossierHistory(Catalog catalog, Organization organization, ProcessClock processClock, WorkingCalendar calendar,
            DossierCodes codes, HistoryWriter writer, JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, JsonMapper json, Clock clock,
            @Value("${motcua.demo.history-dossiers:3000}") int dossiers,
            @Value("${motcua.demo.history-years:1}") int years,
            @Value("${motcua.demo.history-seed:20250701}") long seed) {
        this.catalog = catalog;
        this.organization = organization;
        this.processClock = processClock;
        this.calendar = calendar;
        this.codes = codes;
        this.writer = writer;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.clock = clock;
        this.dossiers = dossiers;
        this.years = Math.max(1, years);
        this.seed = seed;
    }

    @EventListener
    @Order(40)
    void load(DemoDataRequested request) {
        if (dossiers <= 0) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from dossier)").query(Boolean.class).single()) {
            return;
        }
        generate(dossiers, years);
    }

    /** Everything one replay needs about a procedure, computed once. */
    record Proc(ProcedureData data, Route route, String[] units, String[] agencies, int weight) {}

    /** A dossier about to be received: when, of which procedure, by which channel, and a forced fate if any. */
    record Arrival(Instant at, Proc proc, Channel channel, Fate fate, long seed) {}

    /** Fates given to a few recent dossiers so that every state of the queues is present. */
    enum Fate { NATURAL, HOLD, HOLD_DUE_SOON, WAIT_INTAKE_SUPPLEMENT, WAIT_PROCESSING_SUPPLEMENT, RESULT_WAITING,
        WAIT_DESK_CHECK }

    /** Called after each transaction of a dossier's life; the live system saves it there. */
    interface Saves {
        void save(Dossier dossier);
    }

    /** What the generation did. */
    record Report(int dossiers, long rows, long millis) {
        double perSecond() {
            return millis == 0 ? dossiers : dossiers * 1000.0 / millis;
        }
    }

    Report generate(int count, int years) {
        long started = System.currentTimeMillis();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(DossierDesk.VIETNAM).toLocalDate();
        LocalDate first = today.minusYears(years).plusDays(1);
        List<Proc> procs = procedures();
        if (procs.isEmpty()) {
            log.warn("No published procedure: no dossier history");
            return new Report(0, 0, 0);
        }
        String agency = organization.unit(DESK).orElseThrow().agencyCode();
        Random r = new Random(seed);
        Map<LocalDate, List<Arrival>> showcase = showcase(r, procs, now, count);
        int showcased = showcase.values().stream().mapToInt(List::size).sum();
        // Day weights: working days ~1 (Mondays busier, the weeks before Tết too), days off only online.
        TreeMap<LocalDate, Double> weights = new TreeMap<>();
        double total = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            double w = calendar.isWorkingDay(day)
                    ? (day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.25 : 1.0) * (0.75 + 0.5 * r.nextDouble())
                    : 0.06;
            if (day.equals(today)) {
                w *= fractionOfDayPassed(now);
            }
            weights.put(day, w);
            total += w;
        }
        int natural = Math.max(0, count - showcased);
        long setupMillis = System.currentTimeMillis() - started;
        long replayNanos = 0;
        long writeNanos = 0;
        // How many arrive each day (cumulative rounding: exactly {@code natural} in all), then the past days'
        // numbers reserved in one statement.
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        double cumulative = 0;
        long done = 0;
        for (Map.Entry<LocalDate, Double> entry : weights.entrySet()) {
            cumulative += entry.getValue();
            long upTo = Math.round(natural * cumulative / total);
            perDay.put(entry.getKey(), (int) (upTo - done));
            done = upTo;
        }
        long t0 = System.nanoTime();
        Map<LocalDate, Integer> lastNumbers = reserve(agency, perDay, showcase, today);
        long codeNanos = System.nanoTime() - t0;
        List<HistoryWriter.Replayed> batch = new ArrayList<>(BATCH);
        long rows = 0;
        int written = 0;
        for (Map.Entry<LocalDate, Integer> entry : perDay.entrySet()) {
            LocalDate day = entry.getKey();
            int n = entry.getValue();
            List<Arrival> arrivals = new ArrayList<>(showcase.getOrDefault(day, List.of()));
            boolean working = calendar.isWorkingDay(day);
            for (int i = 0; i < n; i++) {
                Proc proc = pick(r, procs);
                Channel channel = channel(r, proc.data(), working);
                Instant at = arrivalTime(r, day, channel, now);
                if (at == null) {
                    continue;
                }
                arrivals.add(new Arrival(at, proc, channel, Fate.NATURAL, r.nextLong()));
            }
            if (arrivals.isEmpty()) {
                continue;
            }
            arrivals.sort(Comparator.comparing(Arrival::at));
            long t1 = System.nanoTime();
            List<String> dayCodes = codes(agency, day, today, arrivals.size(), lastNumbers);
            codeNanos += System.nanoTime() - t1;
            for (int i = 0; i < arrivals.size(); i++) {
                Arrival a = arrivals.get(i);
                long t2 = System.nanoTime();
                batch.add(replay(a, dayCodes.get(i), agency, now, d -> {}));
                replayNanos += System.nanoTime() - t2;
                if (batch.size() >= BATCH) {
                    long t3 = System.nanoTime();
                    rows += writer.write(batch);
                    writeNanos += System.nanoTime() - t3;
                    written += batch.size();
                    batch.clear();
                    if (written % 100_000 == 0) {
                        log.info("Dossier history: {} dossiers written", written);
                    }
                }
            }
        }
        long t4 = System.nanoTime();
        rows += writer.write(batch);
        writeNanos += System.nanoTime() - t4;
        written += batch.size();
        log.info("Dossier history timing: set-up {} ms, codes {} ms, replay {} ms, writing {} ms", setupMillis,
                codeNanos / 1_000_000, replayNanos / 1_000_000, writeNanos / 1_000_000);
        Report report = new Report(written, rows, System.currentTimeMillis() - started);
        log.info("Dossier history: {} dossiers over {} year(s) ({} rows) in {} ms: {} dossiers per second",
                report.dossiers(), years, report.rows(), report.millis(), Math.round(report.perSecond()));
        return report;
    }

    /**
     * Reserves the numbers of the past days in one statement: each day's {@code dossier_sequence} row grows by
     * that day's count (an atomic upsert: whatever else was numbered that day keeps its numbers). Returns the
     * last number reserved per day.
     */
    private Map<LocalDate, Integer> reserve(String agency, Map<LocalDate, Integer> perDay,
            Map<LocalDate, List<Arrival>> showcase, LocalDate today) {
        List<java.sql.Date> days = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        perDay.forEach((day, n) -> {
            int count = n + showcase.getOrDefault(day, List.of()).size();
            if (count > 0 && day.isBefore(today)) {
                days.add(java.sql.Date.valueOf(day));
                counts.add(count);
            }
        });
        Map<LocalDate, Integer> last = new HashMap<>();
        if (days.isEmpty()) {
            return last;
        }
        jdbcTemplate.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.prepareStatement("""
                    insert into dossier_sequence (agency_code, day, last)
                    select ?, d, n from unnest(?::date[], ?::int[]) as t(d, n)
                    on conflict (agency_code, day) do update set last = dossier_sequence.last + excluded.last
                    returning day, last""")) {
                statement.setString(1, agency);
                statement.setArray(2, connection.createArrayOf("date", days.toArray()));
                statement.setArray(3, connection.createArrayOf("integer", counts.toArray()));
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        last.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
                    }
                }
            }
            return null;
        });
        return last;
    }

    /** Codes of {@code n} dossiers received on {@code day}, in order: today's through {@link DossierCodes}. */
    private List<String> codes(String agency, LocalDate day, LocalDate today, int n, Map<LocalDate, Integer> reserved) {
        List<String> list = new ArrayList<>(n);
        if (!day.isBefore(today)) {
            for (int i = 0; i < n; i++) {
                list.add(codes.next(agency, day));
            }
            return list;
        }
        int last = reserved.get(day);
        for (int number = last - n + 1; number <= last; number++) {
            list.add(agency + "-" + DAY.format(day) + "-" + String.format("%04d", number));
        }
        return list;
    }

    private List<Proc> procedures() {
        List<Proc> list = new ArrayList<>();
        for (int page = 0; ; page++) {
            Catalog.Page<Catalog.Summary> found = catalog.searchAll(null, PUBLISHED, page, Catalog.MAX_PAGE_SIZE);
            for (Catalog.Summary s : found.items()) {
                if (s.code().startsWith(SYNTHETIC_PREFIX)) {
                    continue;
                }
                catalog.version(s.code(), s.version()).ifPresent(data -> list.add(procedure(data)));
            }
            if ((long) (page + 1) * Catalog.MAX_PAGE_SIZE >= found.total()) {
                break;
            }
        }
        list.sort(Comparator.comparing(p -> p.data().code()));
        return list;
    }

    /** Route, scoping units and agencies, exactly as {@link DossierDesk} computes them at intake. */
    Proc procedure(ProcedureData data) {
        Set<String> units = new LinkedHashSet<>();
        units.add(DESK);
        data.steps().forEach(step -> units.add(step.unitCode()));
        Set<String> agencies = new LinkedHashSet<>();
        agencies.add(organization.unit(DESK).orElseThrow().agencyCode());
        organization.units(units).values().forEach(unit -> agencies.add(unit.agencyCode()));
        // Short procedures (certificates, extracts) are asked for far more often than long ones (permits).
        int days = data.timeLimit().unit() == vn.motcua.catalog.CatalogTypes.TimeUnit.WORKING_DAYS
                ? data.timeLimit().amount() : 1;
        int weight = days <= 3 ? 6 : days <= 7 ? 4 : days <= 15 ? 3 : days <= 20 ? 2 : 1;
        return new Proc(data, Route.of(data), units.toArray(String[]::new), agencies.toArray(String[]::new), weight);
    }

    private static Proc pick(Random r, List<Proc> procs) {
        int total = procs.stream().mapToInt(Proc::weight).sum();
        int x = r.nextInt(total);
        for (Proc p : procs) {
            x -= p.weight();
            if (x < 0) {
                return p;
            }
        }
        return procs.get(0);
    }

    private static Channel channel(Random r, ProcedureData p, boolean workingDay) {
        if (!workingDay) {
            return Channel.ONLINE;
        }
        int online = p.onlineLevel() == OnlineLevel.FULL ? 45 : p.onlineLevel() == OnlineLevel.PARTIAL ? 25 : 0;
        int x = r.nextInt(100);
        return x < online ? Channel.ONLINE : x < online + 10 ? Channel.POSTAL : Channel.DIRECT;
    }

    /** Office hours for the desk and the post; online from 06:00 to 23:00. {@code null} if not before now. */
    private static Instant arrivalTime(Random r, LocalDate day, Channel channel, Instant now) {
        LocalTime time;
        if (channel == Channel.ONLINE && r.nextInt(100) < 30) {
            time = LocalTime.of(6, 0).plusSeconds(r.nextInt(17 * 3600));
        } else {
            int seconds = r.nextInt(7 * 3600 + 30 * 60); // 08:00-11:30 and 13:30-17:00: the desk's hours
            time = seconds < 3 * 3600 + 30 * 60 ? LocalTime.of(8, 0).plusSeconds(seconds)
                    : LocalTime.of(13, 30).plusSeconds(seconds - (3 * 3600 + 30 * 60));
        }
        Instant at = LocalDateTime.of(day, time).atZone(DossierDesk.VIETNAM).toInstant();
        return at.isBefore(now) ? at : null;
    }

    private static double fractionOfDayPassed(Instant now) {
        LocalTime t = now.atZone(DossierDesk.VIETNAM).toLocalTime();
        double hours = (t.toSecondOfDay() - 8 * 3600) / 3600.0;
        return Math.max(0, Math.min(1, hours / 9));
    }

    // --- the showcase: recent dossiers placed so that every queue state is present -------------------

    private Map<LocalDate, List<Arrival>> showcase(Random r, List<Proc> procs, Instant now, int count) {
        Map<LocalDate, List<Arrival>> byDay = new HashMap<>();
        int n = Math.max(12, Math.min(60, count / 50));
        if (count < 12) {
            return byDay;
        }
        for (int i = 0; i < n; i++) {
            Proc proc = procs.get(r.nextInt(procs.size()));
            Fate fate = Fate.values()[1 + i % (Fate.values().length - 1)];
            Instant at;
            Channel channel = Channel.DIRECT;
            if (fate == Fate.WAIT_DESK_CHECK) {
                // filed online in the last hours, whatever the time of day: the desk has not checked it yet
                at = now.minus(Duration.ofMinutes(20 + r.nextInt(600)));
                channel = Channel.ONLINE;
                List<Proc> online = procs.stream().filter(p -> p.data().onlineLevel() != OnlineLevel.NONE).toList();
                proc = online.isEmpty() ? proc : online.get(r.nextInt(online.size()));
            } else if (fate == Fate.HOLD_DUE_SOON) {
                at = dueSoonStart(proc, now); // the step it waits at is due within a working day
            } else if (fate == Fate.HOLD && (i / 5) % 2 == 0) {
                at = officeTime(now.minus(Duration.ofDays(25 + r.nextInt(40))), r); // long overdue
            } else {
                at = officeTime(now.minus(Duration.ofDays(1 + r.nextInt(20))), r);
            }
            if (at == null || !at.isBefore(now)) {
                continue;
            }
            byDay.computeIfAbsent(at.atZone(DossierDesk.VIETNAM).toLocalDate(), d -> new ArrayList<>())
                    .add(new Arrival(at, proc, channel, fate, r.nextLong()));
        }
        return byDay;
    }

    /** The latest acceptance time whose first processing step falls due a few working hours after now. */
    private Instant dueSoonStart(Proc proc, Instant now) {
        int hours = proc.route().step(2).durationHours() == null ? 0 : proc.route().step(2).durationHours();
        Instant target = processClock.plusWorkingHours(now, 3);
        long lo = now.minus(Duration.ofDays(400)).getEpochSecond();
        long hi = now.getEpochSecond();
        while (hi - lo > 60) {
            long mid = (lo + hi) / 2;
            if (processClock.plusWorkingHours(Instant.ofEpochSecond(mid), hours).isAfter(target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Instant at = Instant.ofEpochSecond(lo).truncatedTo(ChronoUnit.MINUTES);
        return processClock.plusWorkingHours(at, hours).isAfter(now) ? at : null;
    }

    /** The same day's office time closest before, or the previous working day's morning. */
    private Instant officeTime(Instant around, Random r) {
        LocalDate day = around.atZone(DossierDesk.VIETNAM).toLocalDate();
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return LocalDateTime.of(day, LocalTime.of(8, 15).plusMinutes(r.nextInt(180))).atZone(DossierDesk.VIETNAM)
                .toInstant();
    }

    // --- one dossier's life ----------------------------------------------------------------------------

    private static final String[] SUPPLEMENT_REASONS = {"Bản đã nộp là bản chụp, không có chứng thực",
        "Thông tin trên đơn không khớp với giấy tờ tùy thân", "Thiếu chữ ký, đóng dấu của người đề nghị",
        "Giấy tờ đã hết hiệu lực", "Bản vẽ chưa thể hiện đủ kích thước theo quy định"};
    private static final String[] REFUSALS = {"Hồ sơ không thuộc thẩm quyền giải quyết của thành phố",
        "Người đề nghị không thuộc đối tượng được giải quyết theo quy định",
        "Nội dung đề nghị đã được giải quyết bằng văn bản khác còn hiệu lực"};
    private static final String[] SEND_BACKS = {"Đề nghị bổ sung ý kiến thẩm định về điều kiện cấp phép",
        "Dự thảo văn bản cần chỉnh sửa căn cứ pháp lý", "Đề nghị làm rõ số liệu trong tờ trình"};
    private static final String[] APOLOGIES = {"Hồ sơ cần lấy ý kiến của cơ quan liên quan",
        "Cần kiểm tra, xác minh thực địa", "Khối lượng hồ sơ tăng đột biến trong kỳ",
        "Chờ kết quả tra cứu thông tin từ cơ sở dữ liệu chuyên ngành"};
    private static final String[] WITHDRAWALS = {"Người nộp xin rút hồ sơ để điều chỉnh nội dung đề nghị",
        "Người nộp không còn nhu cầu giải quyết"};
    private static final String[] STOPS = {"Quá thời hạn bổ sung hồ sơ mà người nộp không bổ sung",
        "Người nộp đề nghị dừng giải quyết hồ sơ"};
    private static final String[] NOTES = {"Hồ sơ đủ điều kiện", "Đã thẩm định, trình ký", "Đồng ý", null, null,
        null};

    /** A life being replayed: the dossier, the simulated time of its last transaction, and how many there were. */
    private final class Life {
        final Dossier d;
        final Proc p;
        final Random r;
        final Instant now;
        final Saves saves;
        Instant last;
        int transactions;

        Life(Dossier d, Proc p, Random r, Instant now, Saves saves) {
            this.d = d;
            this.p = p;
            this.r = r;
            this.now = now;
            this.saves = saves;
        }

        /** Whether something planned for {@code t} has happened by now; if so it is the latest moment. */
        boolean happens(Instant t) {
            if (t == null || t.isAfter(now)) {
                return false;
            }
            last = t;
            return true;
        }

        void save() {
            transactions++;
            saves.save(d);
        }

        Instant after(Duration working) {
            return processClock.plus(last, working).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * Replays the life of one dossier up to {@code now}, calling {@code saves} after each transaction
     * (what the live system's services save), and returns it with its new history rows.
     */
    HistoryWriter.Replayed replay(Arrival a, String code, String agency, Instant now, Saves saves) {
        Random r = new Random(a.seed());
        ProcedureData p = a.proc().data();
        int year = a.at().atZone(DossierDesk.VIETNAM).getYear();
        boolean organizationApplicant = p.applicants() != null && p.applicants().contains(Applicant.ORGANIZATION)
                && (p.applicants().size() == 1 || r.nextInt(100) < 30);
        HistoryPeople.Person applicant = HistoryPeople.person(r, year, organizationApplicant);
        HistoryPeople.Person representative = r.nextInt(100) < 6 ? HistoryPeople.person(r, year, false) : null;
        String authorization = representative == null ? null
                : "Giấy ủy quyền số " + (1 + r.nextInt(300)) + "/" + year + "/GUQ";
        String desk = deskUser(r);
        String searchText = VietnameseText.fold(code + " " + applicant.fullName() + " "
                + (applicant.organization() == null ? "" : applicant.organization()) + " " + p.name());
        Dossier d = new Dossier(null, code, agency, DESK, p.code(), p.version(), p.name(), a.channel(),
                DossierStatus.NEW, IntakeRules.text(applicant.fullName()), applicant.citizenId(),
                PhoneNumber.normalize(applicant.phone()), applicant.email(), IntakeRules.text(applicant.address()),
                IntakeRules.text(applicant.organization()),
                representative == null ? null : IntakeRules.text(representative.fullName()),
                representative == null ? null : representative.citizenId(),
                representative == null ? null : PhoneNumber.normalize(representative.phone()),
                IntakeRules.text(authorization), a.at(), String.format("%06d", r.nextInt(1_000_000)), a.proc().units(),
                a.proc().agencies(), searchText, desk, p.field(), null);
        Life life = new Life(d, a.proc(), r, now, saves);
        life.last = a.at();
        live(life, a, desk);
        return new HistoryWriter.Replayed(d, d.drainDocuments(), d.drainEvents(), d.drainHandovers(), life.transactions, searchText);
    }

    private void live(Life life, Arrival a, String desk) {
        Dossier d = life.d;
        Random r = life.r;
        Route route = life.p.route();
        ProcedureData p = life.p.data();
        List<Dossier.Document> documents = new ArrayList<>();
        for (ProcedureData.DocumentData doc : p.documents()) {
            if (Boolean.TRUE.equals(doc.mandatory()) || r.nextBoolean()) {
                documents.add(new Dossier.Document(doc.id(), doc.name(), doc.copyKind().name(),
                        doc.count() == null ? 1 : doc.count()));
            }
        }
        d.register(documents, route, processClock, a.at(), desk, DESK);
        // The desk's decision: at once at the desk, within a few working hours for online dossiers.
        int x = r.nextInt(1000);
        IntakeRequest.Decision decision = a.fate() == Fate.WAIT_INTAKE_SUPPLEMENT ? IntakeRequest.Decision.SUPPLEMENT
                : a.fate() != Fate.NATURAL ? IntakeRequest.Decision.ACCEPT
                : x < 40 ? IntakeRequest.Decision.REFUSE
                : x < 130 ? IntakeRequest.Decision.SUPPLEMENT : IntakeRequest.Decision.ACCEPT;
        if (a.channel() == Channel.ONLINE) {
            life.save();
            if (a.fate() == Fate.WAIT_DESK_CHECK || !life.happens(deskCheck(life))) {
                return;
            }
        }
        Instant at = life.last;
        switch (decision) {
            case REFUSE -> {
                d.refuse(IntakeRules.text(REFUSALS[r.nextInt(REFUSALS.length)]), at, desk, DESK);
                life.save();
                return;
            }
            case SUPPLEMENT -> {
                List<IntakeRequest.SupplementItem> items = supplementItems(r, p);
                d.requestSupplement(json.writeValueAsString(items), IntakeRules.summary(items), at, desk, DESK);
                life.save();
                boolean never = a.fate() == Fate.WAIT_INTAKE_SUPPLEMENT || r.nextInt(100) < 15;
                if (never) {
                    // No supplement within 15 working days: the desk closes the dossier (one-stop-rules §1.2).
                    if (a.fate() == Fate.NATURAL && life.happens(life.after(Duration.ofHours(8 * 15 + 2)))) {
                        d.close(DossierStatus.STOPPED, IntakeRules.text(STOPS[0]), life.last, desk, DESK);
                        life.save();
                    }
                    return;
                }
                if (!life.happens(life.after(Duration.ofMinutes(60L * (2 + r.nextInt(8 * 8)))))) {
                    return;
                }
                d.supplied(life.last, desk, DESK, null);
                life.save();
                if (!life.happens(life.after(Duration.ofMinutes(5 + r.nextInt(40))))) {
                    return;
                }
            }
            default -> { }
        }
        // Form 01: accepted at the desk (for desk intake in the same transaction as the registration).
        // (At the desk registration and acceptance are one transaction, hence one save.)
        d.accept(route, processClock, life.last, processClock.due(p.timeLimit(), life.last), desk, DESK);
        life.save();
        process(life, a, desk);
    }

    private Instant deskCheck(Life life) {
        return life.after(Duration.ofMinutes(15 + life.r.nextInt(6 * 60)));
    }

    private void process(Life life, Arrival a, String desk) {
        Dossier d = life.d;
        Random r = life.r;
        Route route = life.p.route();
        ProcedureData p = life.p.data();
        int last = route.lastProcessingStep();
        int holdAt = a.fate() == Fate.HOLD ? 2 + r.nextInt(last - 1) : a.fate() == Fate.HOLD_DUE_SOON ? 2 : 0;
        int closeAt = 0;
        DossierStatus closing = null;
        int x = r.nextInt(1000);
        if (a.fate() == Fate.NATURAL && x < 25) {
            closeAt = 2 + r.nextInt(last - 1);
            closing = x < 15 ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED;
        }
        boolean processingSupplement = a.fate() == Fate.WAIT_PROCESSING_SUPPLEMENT
                || a.fate() == Fate.NATURAL && r.nextInt(100) < 6;
        boolean sendBack = a.fate() == Fate.NATURAL && r.nextInt(100) < 6 && last >= 3;
        boolean slow = r.nextInt(100) < 9;
        while (d.status() == DossierStatus.IN_PROCESS) {
            int step = d.currentStep();
            StepData s = route.step(step);
            int hours = s.durationHours() == null ? 0 : s.durationHours();
            String actor = actor(r, d.stepUnitCode(), s.role());
            if (step == holdAt) {
                apologizeIfLate(life, life.now.plusSeconds(1), desk);
                return; // waits at this step now
            }
            if (step == closeAt) {
                if (!life.happens(life.after(minutes(hours * r.nextDouble() * 0.8)))) {
                    return;
                }
                String reason = closing == DossierStatus.WITHDRAWN ? WITHDRAWALS[r.nextInt(WITHDRAWALS.length)]
                        : STOPS[1];
                d.close(closing, IntakeRules.text(reason), life.last, desk, DESK);
                life.save();
                return;
            }
            if (step == 2 && processingSupplement && d.processingSupplementItems() == null) {
                if (!life.happens(life.after(minutes(hours * (0.1 + 0.4 * r.nextDouble()))))) {
                    return;
                }
                List<IntakeRequest.SupplementItem> items = supplementItems(r, p);
                d.requestProcessingSupplement(json.writeValueAsString(items), IntakeRules.summary(items), life.last, actor,
                        d.stepUnitCode());
                life.save();
                if (a.fate() == Fate.WAIT_PROCESSING_SUPPLEMENT) {
                    return;
                }
                if (r.nextInt(100) < 8) {
                    if (life.happens(life.after(Duration.ofHours(8L * (15 + r.nextInt(10)))))) {
                        d.close(DossierStatus.WITHDRAWN, IntakeRules.text(WITHDRAWALS[1]), life.last, desk, DESK);
                        life.save();
                    }
                    return;
                }
                if (!life.happens(life.after(Duration.ofHours(8L * (1 + r.nextInt(10)) + r.nextInt(6))))) {
                    return;
                }
                d.supplementReceived(route, p.clockPolicy(), processClock.due(p.timeLimit(), life.last), processClock,
                        life.last, desk, DESK, null);
                life.save();
                continue;
            }
            double f = slow && r.nextInt(100) < 50 ? 1.05 + 0.8 * r.nextDouble()
                    : r.nextInt(100) < 4 ? 1.05 + 0.5 * r.nextDouble() : 0.15 + 0.8 * r.nextDouble();
            Instant t = life.after(minutes(Math.max(hours * f, 0.2)));
            apologizeIfLate(life, t, desk);
            if (!life.happens(t)) {
                return;
            }
            if (sendBack && step >= 3 && s.role() == StepRole.LEADER) {
                sendBack = false;
                d.sendBack(route, processClock, life.last, actor, IntakeRules.text(SEND_BACKS[r.nextInt(SEND_BACKS.length)]));
                life.save();
                continue;
            }
            d.handOver(route, processClock, life.last, actor, IntakeRules.text(NOTES[r.nextInt(NOTES.length)]));
            life.save();
        }
        if (d.status() != DossierStatus.RESULT_READY || a.fate() == Fate.RESULT_WAITING) {
            return;
        }
        // The applicant collects the result: mostly the same or next day, some after a week or more.
        int y = r.nextInt(100);
        Duration wait = y < 55 ? minutes(4 * r.nextDouble() + 0.1)
                : y < 90 ? Duration.ofHours(8L * (1 + r.nextInt(3))) : Duration.ofHours(8L * (3 + r.nextInt(8)));
        if (!life.happens(life.after(wait))) {
            return;
        }
        ReturnMethod method = switch (d.channel()) {
            case POSTAL -> ReturnMethod.POSTAL;
            case ONLINE -> r.nextInt(100) < 60 ? ReturnMethod.ONLINE : ReturnMethod.DIRECT;
            case DIRECT -> r.nextInt(100) < 85 ? ReturnMethod.DIRECT : ReturnMethod.POSTAL;
        };
        d.returnResult(method, processClock, route.step(d.currentStep()).name(), life.last, desk, DESK);
        life.save();
    }

    /**
     * Form 04: when the next action will come after the due time, the desk or a leader usually apologises
     * beforehand, once, with a new date some working days later.
     */
    private void apologizeIfLate(Life life, Instant next, String desk) {
        Dossier d = life.d;
        Random r = life.r;
        if (d.apologizedAt() != null || d.dueAt() == null || !next.isAfter(d.dueAt()) || r.nextInt(100) >= 55
                || !life.last.isBefore(d.dueAt())) {
            return;
        }
        Duration left = processClock.workingBetween(life.last, d.dueAt());
        Instant at = processClock.plus(life.last, left.multipliedBy(1 + r.nextInt(3)).dividedBy(4))
                .truncatedTo(ChronoUnit.SECONDS);
        if (!at.isBefore(d.dueAt()) || at.isBefore(life.last) || !life.happens(at)) {
            return;
        }
        Instant newDue = processClock.plus(d.dueAt(), Duration.ofHours(8L * (2 + r.nextInt(6))))
                .truncatedTo(ChronoUnit.SECONDS);
        d.apologize(IntakeRules.text(APOLOGIES[r.nextInt(APOLOGIES.length)]), newDue, at, desk, DESK);
        life.save();
    }

    private static List<IntakeRequest.SupplementItem> supplementItems(Random r, ProcedureData p) {
        List<IntakeRequest.SupplementItem> items = new ArrayList<>();
        int n = 1 + r.nextInt(Math.min(2, Math.max(1, p.documents().size())));
        for (int i = 0; i < n && i < p.documents().size(); i++) {
            ProcedureData.DocumentData doc = p.documents().get(r.nextInt(p.documents().size()));
            items.add(new IntakeRequest.SupplementItem("Bổ sung: " + doc.name(),
                    SUPPLEMENT_REASONS[r.nextInt(SUPPLEMENT_REASONS.length)]));
        }
        return items;
    }

    private static Duration minutes(double hours) {
        return Duration.ofMinutes(Math.max(1, Math.round(hours * 60)));
    }

    /** The desk's officer: the demo account {@code tiepnhan} of the Bộ phận Một cửa (forms print her name). */
    private static String deskUser(Random r) {
        return "tiepnhan";
    }

    /**
     * Who acts at a step: the demo accounts where they exist (chuyenvien.sxd, lanhdao.sxd, lanhdao),
     * otherwise plausible accounts of the unit ({@code chuyenvien.stc}, {@code lanhdao.snnmt} …).
     */
    private static String actor(Random r, String unit, StepRole role) {
        if (role == StepRole.RECEPTION) {
            return deskUser(r);
        }
        String prefix = unit.substring(0, unit.indexOf('.') < 0 ? unit.length() : unit.indexOf('.')).toLowerCase();
        if ("vp".equals(prefix)) {
            if (role == StepRole.LEADER) {
                return "lanhdao";
            }
            prefix = unit.substring(3).toLowerCase();
        }
        if ("ub".equals(prefix)) {
            return "lanhdao.ubnd";
        }
        return switch (role) {
            case LEADER -> "lanhdao." + prefix;
            case CLERK -> "vanthu." + prefix;
            default -> "chuyenvien." + prefix;
        };
    }

}
