package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.CitizenTokens;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Role;
import vn.motcua.support.Api;
import vn.motcua.support.Pdfs;

/**
 * The world {@link AuthorizationMatrixTest} calls the API in: its callers (the demo's accounts, the citizen
 * congdan, and staff of the desk's unit with roles other than the desk's), each with a bearer token (HTTP Basic
 * would check a BCrypt hash on every call), and real objects for every path variable: a dossier filed online by
 * the citizen, accepted by the desk, with a file, a cash payment and an electronic result; a new dossier at the
 * desk; a task with an extension request and an attachment; unmatched bank credits; the citizen's drafts and
 * notices; a procedure with a form template; a calendar override. Procedures 1.984110 and 1.984111 are its own.
 */
final class MatrixWorld {

    static final String PROCEDURE = "1.984110.000.00.00.H27";
    /** Edited, published, abolished and stripped of its template by the table's rows. */
    static final String THROWAWAY = "1.984111.000.00.00.H27";
    static final String PASSWORD = "Ma-tran#2026";
    /** An account the account-administration rows change (never one that calls). */
    static final String TARGET = "matran.doituong";
    /** A day far from any test's dates, whose override the calendar rows set and remove. */
    static final String DAY = "2099-12-31";
    static final String BANK_SECRET = "demo-notification-secret";
    /** The client address every call comes from: the public rate limits count it apart from other tests'. */
    static final String CLIENT_ADDRESS = "198.51.100.84";

    final int port;
    /** The callers, by the names of their columns in the table: the {@code Authorization} header each sends. */
    final Map<String, String> callers = new LinkedHashMap<>();
    /** Per caller, a token of their own that {@code DELETE …/me/tokens/{id}} may revoke. */
    final Map<String, Long> spareTokens = new HashMap<>();

    String dossier;
    String pin;
    String newDossier;
    String closedDossier;
    long file;
    long cash;
    long result;
    String resultCode;
    long task;
    long taskAttachment;
    long creditToAssign;
    long creditToReturn;
    long draft;
    long draftFile;
    long draftToDiscard;
    long notice;
    long throwawayDocument;

    /** The procedures of this world: {@link #PROCEDURE} and {@link #THROWAWAY} unless another test names its own. */
    final String procedure;
    final String throwaway;

    MatrixWorld(int port) {
        this(port, PROCEDURE, THROWAWAY);
    }

    /** A world of its own procedures, for a test that builds one besides the matrix's (whose rows change them). */
    MatrixWorld(int port, String procedure, String throwaway) {
        this.port = port;
        this.procedure = procedure;
        this.throwaway = throwaway;
    }

    void build(Identity identity, ApiTokens apiTokens, Citizens citizens, CitizenTokens citizenTokens) {
        openAccounts(identity);
        callers.put("anonymous", null);
        long citizen = citizens.byLogin("congdan").orElseThrow().id();
        callers.put("citizen", "Bearer " + citizenTokens.issue(citizen, "ma trận", 1).token());
        spareTokens.put("citizen", citizenTokens.issue(citizen, "ma trận, thu hồi", 1).id());
        for (String staff : List.of("admin", "tiepnhan", "chuyenvien", "lanhdao", "vanthu", "giamsat", "chuyenvien.sxd",
                "lanhdao.sxd", "matran.mc.lanhdao", "matran.mc.vanthu", "matran.mc.chuyenvien", "matran.mc.giamsat",
                "matran.kstt.tiepnhan")) {
            callers.put(staff, "Bearer " + apiTokens.issue(staff, "ma trận", 1).token());
            spareTokens.put(staff, apiTokens.issue(staff, "ma trận, thu hồi", 1).id());
        }
        procedures();
        dossiers();
        task();
        credits();
        portal();
        Api.Response day = as("admin").put("/api/v1/calendar/days/" + DAY, Map.of("working", false, "kind", "HOLIDAY",
                "name", "Ngày thử ma trận quyền", "legalReference", "Thử nghiệm"));
        assertThat(day.status()).as(day.toString()).isEqualTo(200);
    }

    /**
     * Staff of the desk's unit (VP.MC) with every role but the desk's, a receiving officer of another unit, and the
     * account the administration rows change.
     */
    private static void openAccounts(Identity identity) {
        Map<String, Object[]> accounts = Map.of(
                "matran.mc.lanhdao", new Object[] {"VP.MC", Role.LEADER},
                "matran.mc.vanthu", new Object[] {"VP.MC", Role.CLERK},
                "matran.mc.chuyenvien", new Object[] {"VP.MC", Role.SPECIALIST},
                "matran.mc.giamsat", new Object[] {"VP.MC", Role.MONITOR},
                "matran.kstt.tiepnhan", new Object[] {"VP.KSTT", Role.RECEPTION},
                TARGET, new Object[] {"VP.KSTT", Role.SPECIALIST});
        accounts.forEach((username, unitAndRole) -> {
            if (identity.user(username).isEmpty()) {
                identity.open(username, "Cán bộ thử ma trận quyền", PASSWORD, (String) unitAndRole[0],
                        EnumSet.of((Role) unitAndRole[1]));
            }
        });
    }

    /**
     * The API as {@code caller} sees it when signing in with the password (HTTP Basic), as issuing a token requires:
     * a token may not mint others.
     */
    Api withPassword(String caller) {
        Api api = Api.anonymous(port).header("X-Forwarded-For", CLIENT_ADDRESS);
        if (callers.get(caller) == null) {
            return api;
        }
        String login = caller.equals("citizen") ? "congdan" : caller;
        String password = caller.startsWith("matran.") ? PASSWORD : "Demo@12345";
        return api.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (login + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The API as {@code caller} sees it, from {@link #CLIENT_ADDRESS}. */
    Api as(String caller) {
        Api api = Api.anonymous(port).header("X-Forwarded-For", CLIENT_ADDRESS);
        String authorization = callers.get(caller);
        return authorization == null ? api : api.header("Authorization", authorization);
    }

    private void procedures() {
        publish(procedure);
        publish(throwaway);
        throwawayDocument = documents(throwaway).get(0).get("id").asLong();
        Api.Response template = as("admin").upload("/api/v1/procedures/" + throwaway + "/versions/1/documents/"
                + throwawayDocument + "/template", "mau-don.pdf", Pdfs.document("Mau don"), Map.of());
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
    }

    /** Desk VP.MC, appraisal at SXD.QLXD (SPECIALIST), approval at SXD.LD (LEADER), return at the desk. */
    private void publish(String code) {
        if (Api.anonymous(port).get("/api/public/procedures/" + code).status() == 200) {
            return;
        }
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", "Thủ tục thử ma trận quyền " + code,
                "field", "Xây dựng", "agencyName", "Văn phòng UBND thành phố Hải Phòng",
                "applicants", List.of("CITIZEN"), "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"),
                "onlineLevel", "FULL", "clockPolicy", "RESTART", "paymentTiming", "NONE"));
        p.put("fees", List.of(Map.of("name", "Lệ phí", "amount", 50_000)));
        p.put("documents", List.of(
                Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api.Response created = as("admin").post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = as("admin").post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "84/QĐ-UBND", "decisionDate", "2025-01-02", "effectiveFrom", "2025-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private List<JsonNode> documents(String procedure) {
        return Api.anonymous(port).get("/api/public/procedures/" + procedure).json().get("documents").valueStream()
                .toList();
    }

    /** The citizen files a dossier online; the desk accepts it, takes cash; the appraising unit issues a result. */
    private void dossiers() {
        Api citizen = as("citizen");
        long filed = ok(citizen.post("/api/citizen/v1/drafts", Map.of("procedureCode", procedure))).get("id").asLong();
        for (JsonNode document : documents(procedure)) {
            ok(citizen.upload("/api/citizen/v1/drafts/" + filed + "/files", "giay-to.pdf", Pdfs.document("Giay to"),
                    Map.of("documentId", document.get("id").asString())));
        }
        dossier = ok(citizen.post("/api/citizen/v1/drafts/" + filed + "/submit", Map.of())).get("code").asString();
        Api desk = as("tiepnhan");
        ok(desk.post("/api/v1/dossiers/" + dossier + "/accept", Map.of()));
        pin = ok(desk.get("/api/v1/dossiers/" + dossier)).get("lookupPin").asString();
        file = ok(desk.upload("/api/v1/dossiers/" + dossier + "/files", "ban-quet.pdf", Pdfs.document("Ban quet"),
                Map.of())).get("id").asLong();
        cash = ok(desk.post("/api/v1/dossiers/" + dossier + "/payments/cash", Map.of("amount", 10_000,
                "receiptNumber", "MT-" + dossier))).get("id").asLong();
        JsonNode issued = ok(as("chuyenvien.sxd").upload("/api/v1/dossiers/" + dossier + "/results", "ket-qua.pdf",
                Pdfs.document("Ket qua"), Map.of("name", "Giấy phép thử ma trận quyền")));
        result = issued.get("id").asLong();
        resultCode = issued.get("resultCode").asString();

        Map<String, Object> online = new HashMap<>();
        online.put("procedureCode", procedure);
        online.put("channel", "ONLINE");
        online.put("applicant", Map.of("fullName", "Đỗ Thị Chờ Kiểm Tra", "citizenId", "031085001234",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        online.put("documents", documents(procedure).stream().map(d -> Map.of("documentId", d.get("id").asLong()))
                .toList());
        newDossier = ok(desk.post("/api/v1/dossiers", online)).get("code").asString();
        closedDossier = ok(desk.get("/api/v1/dossiers?status=RETURNED&size=1")).get("items").get(0).get("code")
                .asString();
    }

    /** A task hosted by VP.KSTT, with an extension request pending and the monitor's attachment. */
    private void task() {
        Api monitor = as("giamsat");
        LocalDate today = LocalDate.now(vn.motcua.shared.VietnamTime.ZONE);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Rà soát quyền truy cập của hệ thống một cửa");
        body.put("source", Map.of("documentNumber", "84/TB-UBND", "documentDate", today.toString(), "summary",
                "Thông báo kết luận"));
        body.put("assignedBy", ok(monitor.get("/api/v1/tasks/assigners")).get(0).get("id").asLong());
        body.put("hostUnitCode", "VP.KSTT");
        body.put("assignedOn", today.toString());
        body.put("dueDate", today.plusDays(60).toString());
        task = ok(monitor.post("/api/v1/tasks", body)).get("id").asLong();
        ok(as("chuyenvien").post("/api/v1/tasks/" + task + "/extension-requests", Map.of("proposedDueDate",
                today.plusDays(90).toString(), "reason", "Chờ ý kiến các sở")));
        taskAttachment = ok(monitor.upload("/api/v1/tasks/" + task + "/attachments", "chi-dao.pdf",
                Pdfs.document("Chi dao"), Map.of("purpose", "ASSIGNMENT"))).get("id").asLong();
    }

    /** Two credits the bank reported that name no dossier: one for the assign row, one for the return row. */
    private void credits() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String transaction = "FT84" + System.nanoTime();
            String body = """
                    {"transactionId":"%s","accountNumber":"0123456789","amount":12345,"content":"CHUYEN TIEN MA TRAN",\
                    "occurredAt":"2026-12-03T10:15:00+07:00"}""".formatted(transaction);
            Api.Response notified = Api.anonymous(port).header("X-Forwarded-For", CLIENT_ADDRESS)
                    .header("X-Signature", HexFormat.of().formatHex(hmac(body))).post(
                            "/api/public/payments/bank-notifications", body);
            assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
            ids.add(ok(as("tiepnhan").get("/api/v1/payments/unmatched")).valueStream()
                    .filter(t -> t.get("reference").asString().equals(transaction)).findFirst().orElseThrow()
                    .get("id").asLong());
        }
        creditToAssign = ids.get(0);
        creditToReturn = ids.get(1);
    }

    private static byte[] hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(BANK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draft with a file for one of its two documents (so it cannot be submitted), another to discard; a notice. */
    private void portal() {
        Api citizen = as("citizen");
        draft = ok(citizen.post("/api/citizen/v1/drafts", Map.of("procedureCode", procedure))).get("id").asLong();
        draftFile = ok(citizen.upload("/api/citizen/v1/drafts/" + draft + "/files", "don.pdf", Pdfs.document("Don"),
                Map.of("documentId", documents(procedure).get(0).get("id").asString()))).get("id").asLong();
        draftToDiscard = ok(citizen.post("/api/citizen/v1/drafts", Map.of("procedureCode", procedure))).get("id")
                .asLong();
        notice = ok(citizen.get("/api/citizen/v1/notices")).get("items").get(0).get("id").asLong();
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.body().isEmpty() ? null : response.json();
    }
}
