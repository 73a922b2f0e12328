package vn.motcua.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierImport;
import vn.motcua.organization.Organization;
import vn.motcua.shared.Page;
import vn.motcua.shared.VietnamTime;

/**
 * The demo's dossier history: {@code motcua.demo.history-dossiers} dossiers (default 3,000; 0 = none) received
 * by the Office's one-stop desk over the last {@code motcua.demo.history-years} years (default 1) up to now,
 * across the published demo procedures, all within the desk's office sessions on working days, whatever the
 * channel (the desk receives online dossiers while it works too).
 *
 * <p>Here the arrivals are planned (how many each day, when, which procedure, which channel) and numbered; each
 * dossier's life is planned and replayed by {@link DemoDossierLives} through {@link DossierImport}, cut at now,
 * and written in bulk. A few recent dossiers are placed so that every state of the queues is present (due
 * within a working day, overdue, waiting for a supplement, result waiting at the desk).
 */
@Component
class DossierHistoryDemo {

    private static final Logger log = LoggerFactory.getLogger(DossierHistoryDemo.class);
    private static final ZoneId VIETNAM = VietnamTime.ZONE;
    static final String DESK = "VP.MC";
    private static final int BATCH = 1000;
    private static final ProcedureStatus PUBLISHED = ProcedureStatus.PUBLISHED;

    private final Catalog catalog;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final DossierImport dossierImport;
    private final DemoOfficeTime officeTime;
    private final DemoDossierLives lives;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int dossiers;
    private final int years;
    private final long seed;

    DossierHistoryDemo(Catalog catalog, Organization organization, WorkingCalendar calendar,
            DossierImport dossierImport, DemoOfficeTime officeTime, DemoDossierLives lives, JdbcClient jdbc, Clock clock,
            DemoSettings settings) {
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
        this.dossierImport = dossierImport;
        this.officeTime = officeTime;
        this.lives = lives;
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
                w *= officeTime.fractionOfDayPassed(now);
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
                Instant at = officeTime.sessionTime(day, r);
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
                batch.add(lives.replay(session, list.get(i), dayCodes.get(i), now));
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
                at = officeTime.workingTimeBefore(now, Duration.ofMinutes(20 + r.nextInt(600)));
                channel = Channel.ONLINE;
                List<Proc> online = procs.stream().filter(p -> p.data().onlineLevel() != OnlineLevel.NONE).toList();
                proc = online.isEmpty() ? proc : online.get(r.nextInt(online.size()));
            } else if (fate == Fate.HOLD_AT_LAST_STEP) {
                // waits at the last of two or more processing steps (approval, usually)
                List<Proc> longer = procs.stream().filter(p -> p.lastProcessingStep() >= 3).toList();
                proc = longer.isEmpty() ? proc : longer.get(r.nextInt(longer.size()));
                at = officeTime.officeTime(now.minus(Duration.ofDays(5 + r.nextInt(20))), r);
            } else if (fate == Fate.HOLD_DUE_SOON) {
                at = dueSoonStart(proc, now); // the step it waits at is due within a working day
            } else if (fate == Fate.HOLD && (i / 5) % 2 == 0) {
                at = officeTime.officeTime(now.minus(Duration.ofDays(25 + r.nextInt(40))), r); // long overdue
            } else {
                at = officeTime.officeTime(now.minus(Duration.ofDays(1 + r.nextInt(20))), r);
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
        Instant at = officeTime.workingTimeBefore(officeTime.plus(now, Duration.ofHours(3)), Duration.ofHours(hours))
                .truncatedTo(ChronoUnit.MINUTES);
        return at.isBefore(now) && officeTime.plus(at, Duration.ofHours(hours)).isAfter(now) ? at : null;
    }

}
