package vn.motcua.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.VietnamTime;
import vn.motcua.tasks.PastTasks.Actor;
import vn.motcua.tasks.PastTasks.PastTask;
import vn.motcua.tasks.PastTasks;
import vn.motcua.tasks.Priority;
import vn.motcua.tasks.Tasks.SourceForm;

/**
 * The Office's assigned tasks. 2019: as the report of the Office's reform work says, by 25 September 2019 the
 * Office had received 107 tasks from the City People's Committee and its Chairman, completed 77 and had 30 in
 * progress; the titles follow that report's agenda (one-stop desk, ISO 9001:2015, procedure control, e-government
 * steering board, the future Public Administration Service Center). The split of the 77 and the 30 into on time,
 * late, within deadline, overdue and regular is invented, as are the tasks after that day. Then current tasks,
 * around today, in every status. Everything goes through {@link PastTasks}, hence the task's own rules, each act
 * on its day, so the timelines are what the live system would have written.
 */
@Component
class TasksDemo {

    static final String OFFICE = "000.00.01.H27";
    static final LocalDate REPORT_DAY = LocalDate.of(2019, 9, 25);
    private static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final PastTasks pastTasks;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final Clock clock;

    TasksDemo(PastTasks pastTasks, Organization organization, WorkingCalendar calendar, Clock clock) {
        this.pastTasks = pastTasks;
        this.organization = organization;
        this.calendar = calendar;
        this.clock = clock;
    }

    private enum Fate { ON_TIME, LATE, WITHIN, EXTENDED, OVERDUE, REGULAR }

    private record Topic(String unit, String title) {}

    private List<StaffView> leaders;
    private Actor monitor;
    private final Map<String, Actor> hosts = new HashMap<>();

    /** Enters the tasks unless there are tasks already (or the Office's units are missing). */
    void load() {
        if (pastTasks.anyTask() || organization.unit("VP.TH").isEmpty()) {
            return;
        }
        leaders = organization.staff("UB.TT", null, true, PageRequest.of(0, 20)).getContent();
        monitor = new Actor("giamsat", "Vũ Thanh Hương");
        year2019();
        current(LocalDate.now(clock.withZone(VIETNAM)));
    }

    // --- 2019 ------------------------------------------------------------------------------------------------

    private void year2019() {
        Random r = new Random(2019);
        List<Fate> fates = new ArrayList<>();
        add(fates, Fate.ON_TIME, 70);
        add(fates, Fate.LATE, 7);     // 77 completed by 25/09/2019
        add(fates, Fate.WITHIN, 20);
        add(fates, Fate.EXTENDED, 2);
        add(fates, Fate.OVERDUE, 3);
        add(fates, Fate.REGULAR, 5);  // 30 in progress on 25/09/2019
        Collections.shuffle(fates, r);
        List<Topic> topics = topics2019();
        for (int i = 0; i < fates.size(); i++) {
            task2019(fates.get(i), topics.get(i), r);
        }
        // Assigned after the report: the rest of the year.
        for (int i = fates.size(); i < topics.size(); i++) {
            LocalDate assigned = working(LocalDate.of(2019, 9, 26).plusDays(r.nextInt(80)), true);
            LocalDate due = working(assigned.plusDays(15 + r.nextInt(30)), true);
            PastTask task = assign(topics.get(i), assigned, due, r);
            LocalDate done = working(assigned.plusDays(8 + r.nextInt(40)), false);
            progress(task, assigned, done, r);
            complete(task, done);
        }
    }

    private void task2019(Fate fate, Topic topic, Random r) {
        LocalDate assigned;
        LocalDate due;
        switch (fate) {
            case ON_TIME -> {
                assigned = day2019(r, Month.JANUARY, 7, Month.SEPTEMBER, 10);
                due = assigned.plusDays(10 + r.nextInt(36));
            }
            case LATE -> {
                assigned = day2019(r, Month.FEBRUARY, 1, Month.AUGUST, 15);
                due = assigned.plusDays(15 + r.nextInt(16));
            }
            case WITHIN -> {
                assigned = day2019(r, Month.JULY, 1, Month.SEPTEMBER, 25);
                due = LocalDate.of(2019, 9, 30).plusDays(r.nextInt(80));
            }
            case EXTENDED -> {
                assigned = day2019(r, Month.JULY, 1, Month.AUGUST, 10);
                due = LocalDate.of(2019, 9, 16);
            }
            case OVERDUE -> {
                assigned = day2019(r, Month.JUNE, 3, Month.JULY, 31);
                due = LocalDate.of(2019, 8, 30).plusDays(r.nextInt(20));
            }
            default -> {
                assigned = day2019(r, Month.JANUARY, 7, Month.JUNE, 28);
                due = null;
            }
        }
        due = due == null ? null : working(due, true);
        PastTask task = assign(topic, assigned, due, r);
        switch (fate) {
            case ON_TIME -> {
                long span = ChronoUnit.DAYS.between(assigned, due);
                LocalDate done = min(assigned.plusDays(span / 3 + r.nextInt((int) (span - span / 3) + 1)), REPORT_DAY);
                done = working(max(done, assigned), false);
                progress(task, assigned, done, r);
                complete(task, done.isBefore(assigned) ? assigned : done);
            }
            case LATE -> {
                LocalDate done = min(working(due.plusDays(3 + r.nextInt(18)), true), REPORT_DAY);
                progress(task, assigned, done, r);
                complete(task, done);
            }
            case WITHIN, OVERDUE -> {
                progress(task, assigned, REPORT_DAY.minusDays(2), r);
                LocalDate done = working(fate == Fate.OVERDUE ? LocalDate.of(2019, 10, 8).plusDays(r.nextInt(20))
                        : due.minusDays(r.nextInt(10)), false);
                if (fate == Fate.OVERDUE && r.nextBoolean()) {
                    LocalDate asked = working(due.minusDays(4), false);
                    int request = task.requestExtension(due.plusDays(30), "Chờ ý kiến tham gia của các sở, ngành.",
                            at(asked), host(task));
                    LocalDate denied = working(asked.plusDays(2), true);
                    task.denyExtension(request, "Nhiệm vụ cấp bách theo chỉ đạo của Chủ tịch UBND thành phố; đề "
                            + "nghị đơn vị khẩn trương hoàn thành.", at(denied), monitor);
                }
                complete(task, max(done, REPORT_DAY.plusDays(1)));
            }
            case EXTENDED -> {
                LocalDate asked = LocalDate.of(2019, 9, 5);
                int request = task.requestExtension(LocalDate.of(2019, 10, 31), "Cần thêm thời gian lấy ý kiến "
                        + "các quận, huyện và hoàn thiện dự thảo.", at(asked), host(task));
                LocalDate approved = LocalDate.of(2019, 9, 10);
                task.approveExtension(request, "Đồng ý gia hạn theo đề nghị.", at(approved), monitor);
                progress(task, approved, REPORT_DAY.minusDays(1), r);
                complete(task, LocalDate.of(2019, 10, 25));
            }
            default -> {
                progress(task, assigned, REPORT_DAY.minusDays(3), r);
                complete(task, LocalDate.of(2019, 12, 26));
            }
        }
    }

    // --- around today ----------------------------------------------------------------------------------------

    private void current(LocalDate today) {
        Random r = new Random(2026);
        List<Topic> topics = topicsCurrent();
        int i = 0;
        // completed on time, then late
        for (int k = 0; k < 6; k++, i++) {
            LocalDate assigned = working(today.minusDays(40 + 7 * k), true);
            PastTask task = assign(topics.get(i), assigned, working(assigned.plusDays(25), true), r);
            LocalDate done = working(assigned.plusDays(12 + k), false);
            progress(task, assigned, done, r);
            complete(task, done);
        }
        for (int k = 0; k < 3; k++, i++) {
            LocalDate assigned = working(today.minusDays(60 + 9 * k), true);
            LocalDate due = working(assigned.plusDays(20), true);
            PastTask task = assign(topics.get(i), assigned, due, r);
            LocalDate done = min(working(due.plusDays(4 + 3 * k), true), today);
            progress(task, assigned, done, r);
            complete(task, done);
        }
        // in progress within the deadline: two due within three working days, one waiting for an extension
        for (int k = 0; k < 6; k++, i++) {
            LocalDate assigned = working(today.minusDays(10 + 5 * k), true);
            LocalDate due = k < 2 ? calendar.nthWorkingDayAfter(today, 1 + k)
                    : working(today.plusDays(10 + 8 * k), true);
            PastTask task = assign(topics.get(i), assigned, due, r);
            progress(task, assigned, today, r);
            if (k == 1) {
                task.requestExtension(due.plusDays(21), "Đang chờ ý kiến thẩm định của Sở Tư pháp.", at(today),
                        host(task));
            }
        }
        // overdue: one of them had an extension approved and is late again
        for (int k = 0; k < 4; k++, i++) {
            LocalDate assigned = working(today.minusDays(45 + 6 * k), true);
            LocalDate due = working(today.minusDays(2 + 5 * k), false);
            PastTask task = assign(topics.get(i), assigned, k == 3 ? due.minusDays(14) : due, r);
            if (k == 3) {
                LocalDate asked = working(due.minusDays(17), false);
                int request = task.requestExtension(due, "Chờ Bộ Nội vụ hướng dẫn.", at(asked), host(task));
                task.approveExtension(request, "Đồng ý gia hạn một lần.", at(working(asked.plusDays(1), true)),
                        monitor);
            }
            progress(task, assigned, today.minusDays(1), r);
        }
        // regular tasks
        for (int k = 0; k < 3; k++, i++) {
            LocalDate assigned = working(today.minusDays(120 + 30 * k), true);
            PastTask task = assign(topics.get(i), assigned, null, r);
            progress(task, assigned, today.minusDays(3), r);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static final String[] SOURCES = {"TB-UBND", "UBND-TH", "UBND-KSTT", "UBND-NC", "UBND-VX", "KH-UBND",
        "QĐ-UBND"};

    private PastTask assign(Topic topic, LocalDate assigned, LocalDate due, Random r) {
        UnitView host = organization.unit(topic.unit()).orElseThrow();
        StaffView leader = leaders.get(r.nextInt(leaders.size()));
        int kind = r.nextInt(SOURCES.length + 2);
        LocalDate documentDate = working(assigned.minusDays(r.nextInt(3)), false);
        SourceForm source = kind >= SOURCES.length
                ? new SourceForm(null, null, "Kết luận của " + leader.positionName() + " " + leader.fullName()
                        + " tại cuộc họp giao ban ngày " + String.format("%02d/%02d/%d", documentDate.getDayOfMonth(),
                        documentDate.getMonthValue(), documentDate.getYear()))
                : new SourceForm((100 + r.nextInt(4800)) + "/" + SOURCES[kind], documentDate,
                        SOURCES[kind].startsWith("TB") ? "Thông báo kết luận của " + leader.positionName() + " "
                                + leader.fullName() : SOURCES[kind].startsWith("KH") ? "Kế hoạch cải cách hành "
                                + "chính nhà nước" : SOURCES[kind].startsWith("QĐ") ? "Quyết định giao nhiệm vụ"
                                : "Văn bản chỉ đạo của UBND thành phố");
        List<String> coordinating = r.nextInt(3) == 0 ? List.of(topic.unit().equals("VP.TH") ? "VP.KSTT" : "VP.TH")
                : List.of();
        return pastTasks.assign(new PastTasks.Assignment(OFFICE, topic.title(), null, source, leader.id(),
                leader.fullName(), host.code(), coordinating, assigned,
                due != null && due.isBefore(assigned) ? assigned : due,
                r.nextInt(6) == 0 ? Priority.URGENT : r.nextInt(4) == 0 ? Priority.HIGH : Priority.NORMAL),
                at(assigned), monitor);
    }

    /** One or two progress reports between the assignment and {@code until}. */
    private void progress(PastTask task, LocalDate from, LocalDate until, Random r) {
        long span = ChronoUnit.DAYS.between(from, until);
        if (span < 4) {
            return;
        }
        Actor by = host(task);
        LocalDate first = working(from.plusDays(span / 3), false);
        task.reportProgress(20 + r.nextInt(30), "Đã xây dựng đề cương, phân công chuyên viên thực hiện.", at(first),
                by);
        if (span > 12 && r.nextBoolean()) {
            LocalDate second = working(from.plusDays(2 * span / 3), false);
            task.reportProgress(60 + r.nextInt(30), "Đã có dự thảo, đang lấy ý kiến các đơn vị liên quan.",
                    at(second), by);
        }
    }

    private void complete(PastTask task, LocalDate done) {
        task.complete("Đã hoàn thành, báo cáo UBND thành phố kết quả thực hiện.",
                (100 + (int) (task.id() % 4000)) + "/BC-VP ngày " + String.format("%02d/%02d/%d", done.getDayOfMonth(),
                        done.getMonthValue(), done.getYear()), at(done), host(task));
    }

    /** The head of the host unit (first by rank), who reports for it; looked up once per unit. */
    private Actor host(PastTask task) {
        return hosts.computeIfAbsent(task.hostUnitCode(), unit -> organization.staff(unit, null, true,
                        PageRequest.of(0, 1)).getContent().stream()
                .findFirst().map(s -> new Actor(s.accountUsername(), s.fullName()))
                .orElse(new Actor(null, unit)));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(16, 0)).atZone(VIETNAM).toInstant();
    }

    private LocalDate day2019(Random r, Month fromMonth, int fromDay, Month toMonth, int toDay) {
        LocalDate from = LocalDate.of(2019, fromMonth, fromDay);
        LocalDate to = LocalDate.of(2019, toMonth, toDay);
        LocalDate day = from.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
        LocalDate back = working(day, false);
        return back.isBefore(from) ? working(day, true) : back;
    }

    /** The nearest working day, forward or backward. */
    private LocalDate working(LocalDate day, boolean forward) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = forward ? d.plusDays(1) : d.minusDays(1);
        }
        return d;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void add(List<Fate> fates, Fate fate, int count) {
        for (int i = 0; i < count; i++) {
            fates.add(fate);
        }
    }

    /** 107 tasks until the report plus 18 after it, each with its host unit. */
    private static List<Topic> topics2019() {
        List<Topic> topics = new ArrayList<>();
        String[] fields = {"tư pháp", "tài chính", "xây dựng", "tài nguyên và môi trường", "giao thông vận tải",
            "lao động - thương binh và xã hội", "giáo dục và đào tạo", "y tế", "công thương", "nội vụ",
            "kế hoạch và đầu tư", "nông nghiệp và phát triển nông thôn", "văn hóa, thể thao và du lịch",
            "thông tin và truyền thông"};
        for (String field : fields) {
            topics.add(new Topic("VP.KSTT", "Rà soát, trình Chủ tịch UBND thành phố công bố danh mục thủ tục hành "
                    + "chính lĩnh vực " + field));
        }
        String[] districts = {"quận Hồng Bàng", "quận Lê Chân", "quận Ngô Quyền", "quận Hải An", "quận Kiến An",
            "quận Đồ Sơn", "quận Dương Kinh", "huyện An Dương", "huyện An Lão", "huyện Kiến Thụy", "huyện Tiên Lãng",
            "huyện Vĩnh Bảo", "huyện Thủy Nguyên", "huyện Cát Hải"};
        for (String district : districts) {
            topics.add(new Topic("VP.KSTT", "Kiểm tra công tác kiểm soát thủ tục hành chính và thực hiện cơ chế một "
                    + "cửa, một cửa liên thông năm 2019 tại UBND " + district));
        }
        for (String district : districts) {
            topics.add(new Topic("VP.BTCD", "Tham mưu giải quyết đơn kiến nghị của công dân liên quan đến bồi "
                    + "thường, hỗ trợ giải phóng mặt bằng tại " + district));
        }
        String[] themes = {"thu hút đầu tư", "giải ngân vốn đầu tư công", "phát triển du lịch", "xây dựng nông thôn mới",
            "cải cách hành chính", "ứng dụng công nghệ thông tin", "phát triển doanh nghiệp", "quản lý đất đai",
            "bảo vệ môi trường", "bảo đảm trật tự an toàn giao thông", "phòng, chống thiên tai", "an sinh xã hội"};
        for (String theme : themes) {
            topics.add(new Topic("VP.TH", "Xây dựng báo cáo chuyên đề về " + theme
                    + " phục vụ phiên họp thường kỳ UBND thành phố"));
        }
        String[][] fixed = {
            {"VP.KSTT", "Tham mưu thành lập Bộ phận Một cửa Văn phòng UBND thành phố và ban hành Quy chế hoạt động"},
            {"VP.KSTT", "Ban hành Quy chế vận hành hệ thống thông tin một cửa điện tử của Văn phòng"},
            {"VP.KSTT", "Chuyển đổi áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 đối với thủ tục "
                    + "hành chính của Văn phòng"},
            {"VP.KSTT", "Công bố lại quy trình nội bộ giải quyết thủ tục hành chính theo ISO 9001:2015"},
            {"VP.KSTT", "Rà soát, đánh giá, đề xuất cung cấp dịch vụ công trực tuyến mức độ 3, 4 tại Văn phòng"},
            {"VP.KSTT", "Tổ chức kiểm tra công tác kiểm soát thủ tục hành chính năm 2019 trên địa bàn thành phố"},
            {"VP.KSTT", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính quý I năm 2019"},
            {"VP.KSTT", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính quý II năm 2019"},
            {"VP.KSTT", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2019"},
            {"VP.KSTT", "Tổng hợp, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính"},
            {"VP.KSTT", "Rà soát, đơn giản hóa thủ tục hành chính năm 2019 theo kế hoạch của UBND thành phố"},
            {"VP.KSTT", "Tham mưu Kế hoạch kiểm soát thủ tục hành chính năm 2020"},
            {"VP.TH", "Tham mưu thành lập Ban chỉ đạo xây dựng chính quyền điện tử thành phố và quy chế hoạt động"},
            {"VP.TH", "Xây dựng Đề án thành lập Trung tâm Phục vụ hành chính công thành phố"},
            {"VP.TH", "Tham mưu Kế hoạch cải cách hành chính nhà nước năm 2020 của Văn phòng"},
            {"VP.TH", "Tổng hợp báo cáo cải cách hành chính 6 tháng đầu năm 2019 của Văn phòng"},
            {"VP.TH", "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2018 của thành phố"},
            {"VP.TH", "Chuẩn bị nội dung Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2019"},
            {"VP.TH", "Theo dõi, đôn đốc thực hiện các nhiệm vụ UBND thành phố, Chủ tịch UBND thành phố giao"},
            {"VP.TH", "Xây dựng Chương trình công tác năm 2020 của UBND thành phố"},
            {"VP.HCTC", "Sắp xếp tổ chức bộ máy Văn phòng theo Nghị quyết số 18-NQ/TW của Trung ương"},
            {"VP.HCTC", "Tập huấn cán bộ văn thư, quản trị mạng của các đơn vị đầu mối gửi, nhận văn bản điện tử"},
            {"VP.HCTC", "Ban hành Quy chế bảo đảm an toàn, an ninh thông tin trong lĩnh vực công nghệ thông tin "
                    + "tại Văn phòng"},
            {"VP.HCTC", "Rà soát vị trí việc làm và cơ cấu ngạch công chức của Văn phòng"},
            {"VP.HCTC", "Tổ chức kiểm tra kỷ luật, kỷ cương hành chính, đạo đức công vụ năm 2019"},
            {"VP.HCTC", "Triển khai gửi, nhận văn bản điện tử liên thông bốn cấp chính quyền"},
            {"VP.NC", "Tham mưu kế hoạch kiểm tra công tác tiếp công dân và xử lý đơn thư năm 2019"},
            {"VP.NC", "Báo cáo kết quả thực hiện Chỉ thị về tăng cường kỷ luật, kỷ cương trong cơ quan hành chính"},
            {"VP.NC", "Tổng hợp kết quả công tác phòng, chống tham nhũng 9 tháng năm 2019"},
            {"VP.KTTC", "Thẩm định phương án phân bổ kinh phí cải cách hành chính năm 2019 của các sở, ngành"},
            {"VP.KTTC", "Tham mưu cơ chế khoán kinh phí hoạt động của Bộ phận Một cửa"},
            {"VP.KTN", "Tham mưu xử lý kiến nghị của doanh nghiệp về thủ tục đầu tư tại khu kinh tế"},
            {"VP.KTN", "Tổng hợp kết quả thực hiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2018"},
            {"VP.DT", "Rà soát quy trình cấp giấy phép xây dựng trên địa bàn các quận"},
            {"VP.DT", "Tham mưu đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm"},
            {"VP.VX", "Tham mưu triển khai Đề án bảo hiểm y tế toàn dân năm 2019"},
            {"VP.VX", "Rà soát thủ tục hành chính lĩnh vực người có công"},
            {"VP.QTTV", "Bố trí cơ sở vật chất, trang thiết bị cho Bộ phận Một cửa của Văn phòng"},
            {"VP.QTTV", "Nâng cấp hạ tầng mạng, bảo đảm an toàn thông tin cho hệ thống một cửa điện tử"},
            {"VP.BTCD", "Tổng hợp kết quả tiếp công dân định kỳ của Chủ tịch UBND thành phố 9 tháng năm 2019"},
            {"VP.BTCD", "Tham mưu trả lời kiến nghị cử tri trước kỳ họp thứ 10 HĐND thành phố"},
        };
        for (String[] topic : fixed) {
            topics.add(new Topic(topic[0], topic[1]));
        }
        // then follow-ups of the report's themes, in rounds
        String[] followUps = {"Đôn đốc các sở, ngành công bố, công khai thủ tục hành chính đúng quy định",
            "Theo dõi việc tiếp nhận, trả kết quả hồ sơ qua dịch vụ bưu chính công ích",
            "Tổng hợp tình hình giải quyết hồ sơ trễ hạn, đề xuất biện pháp khắc phục",
            "Kiểm tra việc niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa các sở, ngành",
            "Đánh giá mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính",
            "Rà soát việc xin lỗi người dân khi giải quyết hồ sơ quá hạn"};
        String[] rounds = {"đợt 1", "đợt 2", "đợt 3", "đợt 4", "đợt 5"};
        for (String round : rounds) {
            for (String followUp : followUps) {
                topics.add(new Topic(round.endsWith("1") || round.endsWith("3") ? "VP.KSTT" : "VP.TH",
                        followUp + " (" + round + " năm 2019)"));
            }
        }
        return topics;
    }

    private static List<Topic> topicsCurrent() {
        String[][] titles = {
            {"VP.KSTT", "Công bố danh mục thủ tục hành chính sau sắp xếp đơn vị hành chính cấp xã"},
            {"VP.KSTT", "Tái cấu trúc quy trình, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"},
            {"VP.TH", "Báo cáo kết quả thực hiện Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg"},
            {"VP.HCTC", "Triển khai ký số văn bản đi trên hệ thống quản lý văn bản và điều hành"},
            {"VP.KSTT", "Rà soát quy trình nội bộ giải quyết thủ tục hành chính liên thông"},
            {"VP.VX", "Tổng hợp kết quả thực hiện chính sách an sinh xã hội dịp cuối năm"},
            {"VP.TH", "Xây dựng báo cáo cải cách hành chính quý III năm 2026"},
            {"VP.NC", "Tham mưu kế hoạch kiểm tra công vụ năm 2026"},
            {"VP.DT", "Rà soát thủ tục cấp giấy phép xây dựng trực tuyến toàn trình"},
            {"VP.KSTT", "Đôn đốc xử lý hồ sơ trễ hạn tại Trung tâm Phục vụ hành chính công thành phố"},
            {"VP.KSTT", "Thí điểm tiếp nhận hồ sơ không phụ thuộc địa giới hành chính"},
            {"VP.TH", "Tham mưu Kế hoạch cải cách hành chính năm 2027 của UBND thành phố"},
            {"VP.KTTC", "Đẩy mạnh thanh toán trực tuyến phí, lệ phí thủ tục hành chính"},
            {"VP.HCTC", "Rà soát quy chế bảo đảm an toàn thông tin sau hợp nhất hệ thống"},
            {"VP.KTN", "Tổng hợp kiến nghị của doanh nghiệp tại Hội nghị đối thoại năm 2026"},
            {"VP.BTCD", "Tham mưu trả lời kiến nghị cử tri trước kỳ họp cuối năm HĐND thành phố"},
            {"VP.KSTT", "Đánh giá chất lượng giải quyết thủ tục hành chính năm 2026 của các sở, ngành"},
            {"VP.TH", "Chuẩn bị nội dung phiên họp UBND thành phố về cải cách hành chính"},
            {"VP.QTTV", "Bố trí trang thiết bị cho điểm tiếp nhận hồ sơ của Trung tâm Phục vụ hành chính công"},
            {"VP.TH", "Theo dõi, đôn đốc thực hiện nhiệm vụ UBND thành phố giao năm 2026"},
            {"VP.KSTT", "Kiểm soát thủ tục hành chính thường xuyên tại các sở, ngành"},
            {"VP.HCTC", "Cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức"},
        };
        List<Topic> topics = new ArrayList<>();
        for (String[] title : titles) {
            topics.add(new Topic(title[0], title[1]));
        }
        return topics;
    }
}
