package vn.motcua.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.demo.DossierHistoryDemo.Arrival;
import vn.motcua.demo.DossierHistoryDemo.Fate;
import vn.motcua.demo.DossierHistoryDemo.Proc;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierImport;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.shared.VietnamTime;

/**
 * One demo dossier's life, planned and replayed through {@link DossierImport} up to now: the applicant, the desk's
 * decision, supplements, how long each step takes, a send-back, an apology, a stop or withdrawal, and when the
 * result is collected. Deterministic for the arrival's seed.
 */
@Component
class DemoDossierLives {

    /** The desk's officer: the demo account {@code tiepnhan} of the Bộ phận Một cửa (forms print her name). */
    private static final String DESK_USER = "tiepnhan";

    private final DemoOfficeTime officeTime;

    DemoDossierLives(DemoOfficeTime officeTime) {
        this.officeTime = officeTime;
    }


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
            return officeTime.plus(last, working).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** Replays the life of one dossier up to {@code now}. */
    DossierImport.Replay replay(DossierImport.Session session, Arrival a, String code, Instant now) {
        Random r = new Random(a.seed());
        ProcedureData p = a.proc().data();
        int year = a.at().atZone(VietnamTime.ZONE).getYear();
        boolean organizationApplicant = p.applicants() != null && p.applicants().contains(Applicant.ORGANIZATION)
                && (p.applicants().size() == 1 || r.nextInt(100) < 30);
        DemoPeople.Person applicant = DemoPeople.person(r, year, organizationApplicant);
        DemoPeople.Person representative = r.nextInt(100) < 6 ? DemoPeople.person(r, year, false) : null;
        List<IntakeRequest.ReceivedDocument> documents = new ArrayList<>();
        for (ProcedureData.DocumentData doc : p.documents()) {
            if (Boolean.TRUE.equals(doc.mandatory()) || r.nextBoolean()) {
                documents.add(new IntakeRequest.ReceivedDocument(doc.id(), null, doc.count() == null ? 1 : doc.count(),
                        null, null));
            }
        }
        IntakeRequest request = new IntakeRequest(p.code(), a.channel(),
                new IntakeRequest.Person(applicant.fullName(), applicant.citizenId(), applicant.phone(),
                        applicant.email(), applicant.address(), applicant.organization(), null),
                representative == null ? null
                        : new IntakeRequest.Person(representative.fullName(), representative.citizenId(),
                                representative.phone(), null, null, null,
                                "Giấy ủy quyền số " + (1 + r.nextInt(300)) + "/" + year + "/GUQ"),
                documents, null, null, null, null, null);
        // The history's fees were paid when the dossier was received: in cash at the desk, or online with it.
        Life life = new Life(session.receive(request, p, code, a.at(), DESK_USER).feesPaid(a.at(), DESK_USER), a.proc(),
                r, now, a.at());
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
        Duration left = officeTime.workingBetween(life.last, d.dueAt());
        Instant at = officeTime.plus(life.last, left.multipliedBy(1 + r.nextInt(3)).dividedBy(4)).truncatedTo(ChronoUnit.SECONDS);
        if (!at.isBefore(d.dueAt()) || at.isBefore(life.last) || !life.happens(at)) {
            return;
        }
        Instant newDue = officeTime.plus(d.dueAt(), Duration.ofHours(8L * (2 + r.nextInt(6)))).truncatedTo(ChronoUnit.SECONDS);
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
