package vn.motcua.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeSession;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierImport;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.organization.Organization;
import vn.motcua.shared.Page;
import vn.motcua.shared.VietnamTime;

/**
 * The demo's dossier history: {@code motcua.demo.history-dossiers} dossiers (default 3,000; 0 = none) received
 * by the Office's one-stop desk over the last {@code motcua.demo.history-years} years (default 1) up to now,
 * across the published demo procedures: at the desk and by post within the desk's office sessions on working
 * days, online also in the evening and on days off.
 *
 * <p>Each dossier's life is planned here (channel, the desk's decision, supplements, how long each step takes,
 * a send-back, an apology, a stop or withdrawal, when the result is collected) and performed through
 * {@link DossierImport}, which replays it with the live rules at those instants, cut at now, and writes it in
 * bulk. A few recent dossiers are placed so that every state of the queues is present (due within a working
 * day, overdue, waiting for a supplement, result waiting at the desk).
 */
@Component
class DossierHistoryDemo {

    private static final Logger log = LoggerFactory.getLogger(DossierHistoryDemo.class);
    private static final ZoneId VIETNAM = VietnamTime.ZONE;
    static final String DESK = "VP.MC";
    /** The desk's officer: the demo account {@code tiepnhan} of the Bộ phận Một cửa (forms print her name). */
    private static final String DESK_USER = "tiepnhan";
    private static final int BATCH = 1000;
    private static final ProcedureStatus PUBLISHED = ProcedureStatus.PUBLISHED;

    private final Catalog catalog;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final DossierImport dossierImport;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int dossiers;
    private final int years;
    private final long seed;

    DossierHistoryDemo(Catalog catalog, Organization organization, WorkingCalendar calendar,
            DossierImport dossierImport, JdbcClient jdbc, Clock clock, DemoSettings settings) {
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
        this.dossierImport = dossierImport;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dossiers = settings.historyDossiers();
        this.years = settings.historyYears();
        this.seed = settings.historySeed();
    }

    /** The history, unless disabled ({@code history-dossiers=0}) or dossiers are already there. */
    void load() {
        if (dossiers <= 0) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from dossier)").query(Boolean.class).single()) {
            return;
        }
        generate(dossiers, years);
    }

    /** Everything one replay needs about a procedure, computed once. */
    record Proc(ProcedureData data, List<StepData> steps, int weight) {
        StepData step(int order) {
            return steps.get(order - 1);
        }

        int lastProcessingStep() {
            return steps.size() - 1;
        }
    }

    /** A dossier about to be received: when, of which procedure, by which channel, and a forced fate if any. */
    record Arrival(Instant at, Proc proc, Channel channel, Fate fate, long seed) {}

    /** Fates given to a few recent dossiers so that every state of the queues is present. */
    enum Fate { NATURAL, HOLD, HOLD_AT_LAST_STEP, HOLD_DUE_SOON, WAIT_INTAKE_SUPPLEMENT, WAIT_PROCESSING_SUPPLEMENT,
        RESULT_WAITING, WAIT_DESK_CHECK }

    /** What the generation did. */
    record Report(int dossiers, long rows, long millis) {
        double perSecond() {
            return millis == 0 ? dossiers : dossiers * 1000.0 / millis;
        }
    }

    Report generate(int count, int years) {
        long started = System.currentTimeMillis();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(VIETNAM).toLocalDate();
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
        // Day weights: working days ~1 (Mondays busier); the desk receives nothing on days off.
        TreeMap<LocalDate, Double> weights = new TreeMap<>();
        double total = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            double w = calendar.isWorkingDay(day)
                    ? (day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.25 : 1.0) * (0.75 + 0.5 * r.nextDouble())
                    : 0;
            if (day.equals(today)) {
                w *= fractionOfDayPassed(now);
            }
            weights.put(day, w);
            total += w;
        }
        int natural = Math.max(0, count - showcased);
        // How many arrive each day (cumulative rounding: exactly {@code natural} in all), and when.
        TreeMap<LocalDate, List<Arrival>> arrivals = new TreeMap<>(showcase);
        double cumulative = 0;
        long done = 0;
        for (Map.Entry<LocalDate, Double> entry : weights.entrySet()) {
            cumulative += entry.getValue();
            long upTo = total == 0 ? 0 : Math.round(natural * cumulative / total);
            LocalDate day = entry.getKey();
            for (long i = done; i < upTo; i++) {
                Proc proc = pick(r, procs);
                Instant at = sessionTime(day, r);
                if (at.isBefore(now)) {
                    arrivals.computeIfAbsent(day, d -> new ArrayList<>())
                            .add(new Arrival(at, proc, channel(r, proc.data()), Fate.NATURAL, r.nextLong()));
                }
            }
            done = upTo;
        }
        long setupMillis = System.currentTimeMillis() - started;
        long t0 = System.nanoTime();
        Map<LocalDate, Integer> counts = new TreeMap<>();
        arrivals.forEach((day, list) -> counts.put(day, list.size()));
        Map<LocalDate, List<String>> codes = dossierImport.reserveCodes(agency, counts);
        long codeNanos = System.nanoTime() - t0;
        long replayNanos = 0;
        long writeNanos = 0;
        DossierImport.Session session = dossierImport.session(agency, DESK);
        List<DossierImport.Replay> batch = new ArrayList<>(BATCH);
        long rows = 0;
        int written = 0;
        for (Map.Entry<LocalDate, List<Arrival>> day : arrivals.entrySet()) {
            List<Arrival> list = new ArrayList<>(day.getValue());
            list.sort(Comparator.comparing(Arrival::at));
            List<String> dayCodes = codes.get(day.getKey());
            for (int i = 0; i < list.size(); i++) {
                long t2 = System.nanoTime();
                batch.add(replay(session, list.get(i), dayCodes.get(i), now));
                replayNanos += System.nanoTime() - t2;
                if (batch.size() >= BATCH) {
                    long t3 = System.nanoTime();
                    rows += session.write(batch);
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
        rows += session.write(batch);
        writeNanos += System.nanoTime() - t4;
        written += batch.size();
        log.info("Dossier history timing: set-up {} ms, codes {} ms, replay {} ms, writing {} ms", setupMillis,
                codeNanos / 1_000_000, replayNanos / 1_000_000, writeNanos / 1_000_000);
        Report report = new Report(written, rows, System.currentTimeMillis() - started);
        log.info("Dossier history: {} dossiers over {} year(s) ({} rows) in {} ms: {} dossiers per second",
                report.dossiers(), years, report.rows(), report.millis(), Math.round(report.perSecond()));
        return report;
    }

    private List<Proc> procedures() {
        List<Proc> list = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Catalog.Summary> found = catalog.searchAll(null, PUBLISHED, page, Catalog.MAX_PAGE_SIZE);
            for (Catalog.Summary s : found.items()) {
                if (s.code().startsWith(SyntheticProcedures.PREFIX)) {
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

    Proc procedure(ProcedureData data) {
        // Short procedures (certificates, extracts) are asked for far more often than long ones (permits).
        int days = data.timeLimit().unit() == vn.motcua.catalog.CatalogTypes.TimeUnit.WORKING_DAYS
                ? data.timeLimit().amount() : 1;
        int weight = days <= 3 ? 6 : days <= 7 ? 4 : days <= 15 ? 3 : days <= 20 ? 2 : 1;
        return new Proc(data, dossierImport.process(data), weight);
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

    private static Channel channel(Random r, ProcedureData p) {
        int online = p.onlineLevel() == OnlineLevel.FULL ? 45 : p.onlineLevel() == OnlineLevel.PARTIAL ? 25 : 0;
        int x = r.nextInt(100);
        return x < online ? Channel.ONLINE : x < online + 10 ? Channel.POSTAL : Channel.DIRECT;
    }

    /**
     * A moment of the desk's office sessions on {@code day} (a working day), uniformly: the desk receives dossiers,
     * at the counter, by post or from the online portal, only while it works.
     */
    private Instant sessionTime(LocalDate day, Random r) {
        List<OfficeSession> sessions = calendar.officeHours().sessions();
        long second = (long) (r.nextDouble() * calendar.officeHours().perDay().getSeconds());
        for (OfficeSession session : sessions) {
            long length = session.length().getSeconds();
            if (second < length) {
                return LocalDateTime.of(day, session.start().plusSeconds(second)).atZone(VIETNAM).toInstant();
            }
            second -= length;
        }
        return LocalDateTime.of(day, sessions.get(0).start()).atZone(VIETNAM).toInstant();
    }

    /** The share of today's working time already passed. */
    private double fractionOfDayPassed(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, VIETNAM);
        return (double) calendar.workingTimeBetween(local.toLocalDate().atStartOfDay(), local).getSeconds()
                / calendar.officeHours().perDay().getSeconds();
    }

    /** The latest moment of working time such that {@code working} of it lies between then and {@code to}. */
    private Instant workingTimeBefore(Instant to, Duration working) {
        long lo = to.minus(Duration.ofDays(400)).getEpochSecond();
        long hi = to.getEpochSecond();
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (workingBetween(Instant.ofEpochSecond(mid), to).compareTo(working) >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Instant.ofEpochSecond(lo);
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
                // received from the online portal in the last working hours: the desk has not checked it yet
                at = workingTimeBefore(now, Duration.ofMinutes(20 + r.nextInt(600)));
                channel = Channel.ONLINE;
                List<Proc> online = procs.stream().filter(p -> p.data().onlineLevel() != OnlineLevel.NONE).toList();
                proc = online.isEmpty() ? proc : online.get(r.nextInt(online.size()));
            } else if (fate == Fate.HOLD_AT_LAST_STEP) {
                // waits at the last of two or more processing steps (approval, usually)
                List<Proc> longer = procs.stream().filter(p -> p.lastProcessingStep() >= 3).toList();
                proc = longer.isEmpty() ? proc : longer.get(r.nextInt(longer.size()));
                at = officeTime(now.minus(Duration.ofDays(5 + r.nextInt(20))), r);
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
            byDay.computeIfAbsent(at.atZone(VIETNAM).toLocalDate(), d -> new ArrayList<>())
                    .add(new Arrival(at, proc, channel, fate, r.nextLong()));
        }
        return byDay;
    }

    /** The latest acceptance time whose first processing step falls due a few working hours after now. */
    private Instant dueSoonStart(Proc proc, Instant now) {
        int hours = proc.step(2).durationHours() == null ? 0 : proc.step(2).durationHours();
        Instant at = workingTimeBefore(plus(now, Duration.ofHours(3)), Duration.ofHours(hours))
                .truncatedTo(ChronoUnit.MINUTES);
        return at.isBefore(now) && plus(at, Duration.ofHours(hours)).isAfter(now) ? at : null;
    }

    /** A moment of the office sessions of the working day of {@code around}, or the working day before. */
    private Instant officeTime(Instant around, Random r) {
        LocalDate day = around.atZone(VIETNAM).toLocalDate();
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return sessionTime(day, r);
    }

    private Instant plus(Instant from, Duration working) {
        return calendar.addWorkingTime(LocalDateTime.ofInstant(from, VIETNAM), working).atZone(VIETNAM).toInstant();
    }

    private Duration workingBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(LocalDateTime.ofInstant(from, VIETNAM), LocalDateTime.ofInstant(to, VIETNAM));
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

    /** A life being replayed: the dossier, and the simulated time of its last transaction. */
    private final class Life {
        final DossierImport.Replay d;
        final Proc p;
        final Random r;
        final Instant now;
        Instant last;

        Life(DossierImport.Replay d, Proc p, Random r, Instant now, Instant at) {
            this.d = d;
            this.p = p;
            this.r = r;
            this.now = now;
            this.last = at;
        }

        /** Whether something planned for {@code t} has happened by now; if so it is the latest moment. */
        boolean happens(Instant t) {
            if (t == null || t.isAfter(now)) {
                return false;
            }
            last = t;
            return true;
        }

        Instant after(Duration working) {
            return plus(last, working).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** Replays the life of one dossier up to {@code now}. */
    DossierImport.Replay replay(DossierImport.Session session, Arrival a, String code, Instant now) {
        Random r = new Random(a.seed());
        ProcedureData p = a.proc().data();
        int year = a.at().atZone(VIETNAM).getYear();
        boolean organizationApplicant = p.applicants() != null && p.applicants().contains(Applicant.ORGANIZATION)
                && (p.applicants().size() == 1 || r.nextInt(100) < 30);
        DemoPeople.Person applicant = DemoPeople.person(r, year, organizationApplicant);
        DemoPeople.Person representative = r.nextInt(100) < 6 ? DemoPeople.person(r, year, false) : null;
        List<IntakeRequest.ReceivedDocument> documents = new ArrayList<>();
        for (ProcedureData.DocumentData doc : p.documents()) {
            if (Boolean.TRUE.equals(doc.mandatory()) || r.nextBoolean()) {
                documents.add(new IntakeRequest.ReceivedDocument(doc.id(), null, doc.count() == null ? 1 : doc.count()));
            }
        }
        IntakeRequest request = new IntakeRequest(p.code(), a.channel(),
                new IntakeRequest.Person(applicant.fullName(), applicant.citizenId(), applicant.phone(),
                        applicant.email(), applicant.address(), applicant.organization(), null),
                representative == null ? null
                        : new IntakeRequest.Person(representative.fullName(), representative.citizenId(),
                                representative.phone(), null, null, null,
                                "Giấy ủy quyền số " + (1 + r.nextInt(300)) + "/" + year + "/GUQ"),
                documents, null, null, null);
        Life life = new Life(session.receive(request, p, code, a.at(), DESK_USER), a.proc(), r, now, a.at());
        live(life, a);
        return life.d;
    }

    private void live(Life life, Arrival a) {
        DossierImport.Replay d = life.d;
        Random r = life.r;
        ProcedureData p = life.p.data();
        // The desk's decision: at once at the desk, within a few working hours for online dossiers.
        int x = r.nextInt(1000);
        IntakeRequest.Decision decision = a.fate() == Fate.WAIT_INTAKE_SUPPLEMENT ? IntakeRequest.Decision.SUPPLEMENT
                : a.fate() != Fate.NATURAL ? IntakeRequest.Decision.ACCEPT
                : x < 40 ? IntakeRequest.Decision.REFUSE
                : x < 130 ? IntakeRequest.Decision.SUPPLEMENT : IntakeRequest.Decision.ACCEPT;
        if (a.channel() == Channel.ONLINE && (a.fate() == Fate.WAIT_DESK_CHECK || !life.happens(deskCheck(life)))) {
            return;
        }
        switch (decision) {
            case REFUSE -> {
                d.refuse(REFUSALS[r.nextInt(REFUSALS.length)], life.last, DESK_USER);
                return;
            }
            case SUPPLEMENT -> {
                d.requestSupplement(supplementItems(r, p), life.last, DESK_USER);
                boolean never = a.fate() == Fate.WAIT_INTAKE_SUPPLEMENT || r.nextInt(100) < 15;
                if (never) {
                    // No supplement within 15 working days: the desk stops the dossier (a rule of online intake under
                    // Decree 118/2025/NĐ-CP Art. 17(2); a sector may set another limit).
                    if (a.fate() == Fate.NATURAL && life.happens(life.after(Duration.ofHours(8 * 15 + 2)))) {
                        d.close(DossierStatus.STOPPED, STOPS[0], life.last, DESK_USER);
                    }
                    return;
                }
                if (!life.happens(life.after(Duration.ofMinutes(60L * (2 + r.nextInt(8 * 8)))))) {
                    return;
                }
                d.supplied(life.last, DESK_USER);
                if (!life.happens(life.after(Duration.ofMinutes(5 + r.nextInt(40))))) {
                    return;
                }
            }
            default -> { }
        }
        d.accept(life.last, DESK_USER);
        process(life, a);
    }

    private Instant deskCheck(Life life) {
        return life.after(Duration.ofMinutes(15 + life.r.nextInt(6 * 60)));
    }

    private void process(Life life, Arrival a) {
        DossierImport.Replay d = life.d;
        Random r = life.r;
        Proc proc = life.p;
        ProcedureData p = proc.data();
        int last = proc.lastProcessingStep();
        int holdAt = switch (a.fate()) {
            case HOLD -> 2 + r.nextInt(last - 1);
            case HOLD_AT_LAST_STEP -> last;
            case HOLD_DUE_SOON -> 2;
            default -> 0;
        };
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
            int step = d.stepOrder();
            StepData s = proc.step(step);
            int hours = s.durationHours() == null ? 0 : s.durationHours();
            String actor = actor(d.stepUnit(), s.role());
            if (step == holdAt) {
                apologizeIfLate(life, life.now.plusSeconds(1));
                return; // waits at this step now
            }
            if (step == closeAt) {
                if (!life.happens(life.after(minutes(hours * r.nextDouble() * 0.8)))) {
                    return;
                }
                String reason = closing == DossierStatus.WITHDRAWN ? WITHDRAWALS[r.nextInt(WITHDRAWALS.length)]
                        : STOPS[1];
                d.close(closing, reason, life.last, DESK_USER);
                return;
            }
            if (step == 2 && processingSupplement && !d.askedForSupplementDuringProcessing()) {
                if (!life.happens(life.after(minutes(hours * (0.1 + 0.4 * r.nextDouble()))))) {
                    return;
                }
                d.requestProcessingSupplement(supplementItems(r, p), life.last, actor);
                if (a.fate() == Fate.WAIT_PROCESSING_SUPPLEMENT) {
                    return;
                }
                if (r.nextInt(100) < 8) {
                    if (life.happens(life.after(Duration.ofHours(8L * (15 + r.nextInt(10)))))) {
                        d.close(DossierStatus.WITHDRAWN, WITHDRAWALS[1], life.last, DESK_USER);
                    }
                    return;
                }
                if (!life.happens(life.after(Duration.ofHours(8L * (1 + r.nextInt(10)) + r.nextInt(6))))) {
                    return;
                }
                d.supplementReceived(life.last, DESK_USER);
                continue;
            }
            double f = slow && r.nextInt(100) < 50 ? 1.05 + 0.8 * r.nextDouble()
                    : r.nextInt(100) < 4 ? 1.05 + 0.5 * r.nextDouble() : 0.15 + 0.8 * r.nextDouble();
            Instant t = life.after(minutes(Math.max(hours * f, 0.2)));
            apologizeIfLate(life, t);
            if (!life.happens(t)) {
                return;
            }
            if (sendBack && step >= 3 && s.role() == StepRole.LEADER) {
                sendBack = false;
                d.sendBack(life.last, actor, SEND_BACKS[r.nextInt(SEND_BACKS.length)]);
                continue;
            }
            d.handOver(life.last, actor, NOTES[r.nextInt(NOTES.length)]);
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
        d.returnResult(method, life.last, DESK_USER);
    }

    /**
     * Form 04: when the next action will come after the due time, the desk usually apologises beforehand, once,
     * with a new date some working days later.
     */
    private void apologizeIfLate(Life life, Instant next) {
        DossierImport.Replay d = life.d;
        Random r = life.r;
        if (d.apologized() || d.dueAt() == null || !next.isAfter(d.dueAt()) || r.nextInt(100) >= 55
                || !life.last.isBefore(d.dueAt())) {
            return;
        }
        Duration left = workingBetween(life.last, d.dueAt());
        Instant at = plus(life.last, left.multipliedBy(1 + r.nextInt(3)).dividedBy(4)).truncatedTo(ChronoUnit.SECONDS);
        if (!at.isBefore(d.dueAt()) || at.isBefore(life.last) || !life.happens(at)) {
            return;
        }
        Instant newDue = plus(d.dueAt(), Duration.ofHours(8L * (2 + r.nextInt(6)))).truncatedTo(ChronoUnit.SECONDS);
        d.apologize(APOLOGIES[r.nextInt(APOLOGIES.length)], newDue, at, DESK_USER);
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

    /**
     * Who acts at a step: the demo accounts where they exist (chuyenvien.sxd, lanhdao.sxd, lanhdao),
     * otherwise plausible accounts of the unit ({@code chuyenvien.stc}, {@code lanhdao.snnmt} …).
     */
    private static String actor(String unit, StepRole role) {
        if (role == StepRole.RECEPTION) {
            return DESK_USER;
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
