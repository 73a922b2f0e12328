package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** Read models of dossiers: the staff's detail and list, and the citizen's public lookup. */
public final class DossierViews {

    private DossierViews() {}

    public record Person(String fullName, String citizenId, String phone, String email, String address,
            String organizationName, String authorizationDocument) {}

    /** A document received, with the national dashboard's flags: digitised (số hóa), reused (tái sử dụng). */
    public record Document(long documentId, String name, String copyKind, int count, boolean digitised,
            boolean reused) {}

    public record HistoryEntry(OffsetDateTime at, DossierStatus status, int statusCode, String action, String by,
            String unitCode, String note) {}

    /**
     * A dossier as staff see it. {@code apologyLate}: the apology (Form 04) came after the due time it replaced;
     * {@code handlingUnitCode}: the unit of the deciding step, whose agency issues Forms 04 and 05; {@code
     * channelCode}: the national dashboard's channel (1 in person, 2 online, 3 postal). An online dossier's {@code
     * receivedAt} is when it was submitted; {@code checkCountsFrom} when the desk's check counts from (the next
     * office session if it was submitted outside office hours), {@code checkDueAt} by when the desk must check it,
     * {@code supplementDueAt} by when the applicant must answer the intake's supplement request;
     * {@code electronicResult}: an electronic result was issued ({@link DossierResults}), the national dashboard's
     * "kết quả điện tử" (Decision 766/QĐ-TTg): an online return needs one; {@code feesDue}: the total of the fee
     * lines fixed at intake (0: none), {@code feesPaidAt} when they were paid in full ({@code null} while unpaid).
     */
    public record Detail(String code, DossierStatus status, int statusCode, Channel channel, String agencyCode,
            String deskUnitCode, String procedureCode, int procedureVersion, String procedureName, Person applicant,
            Person representative, List<Document> documents, OffsetDateTime receivedAt, OffsetDateTime acceptedAt,
            OffsetDateTime dueAt, String lookupPin, List<IntakeRequest.SupplementItem> supplementItems,
            String refusalReason, String receivedBy, int revision, List<HistoryEntry> history, String field,
            Step step, OffsetDateTime originalDueAt, String apologyReason,
            List<IntakeRequest.SupplementItem> processingSupplementItems, OffsetDateTime resultReadyAt,
            Timeliness timeliness, OffsetDateTime returnedAt, ReturnMethod returnMethod, String closingReason,
            String apologyNumber, boolean apologyLate, String handlingUnitCode, int sets,
            ReturnMethod requestedReturnMethod, int channelCode, OffsetDateTime checkCountsFrom,
            OffsetDateTime checkDueAt, OffsetDateTime supplementDueAt, boolean electronicResult, long feesDue,
            OffsetDateTime feesPaidAt) {}

    /** The step of the internal process the dossier waits at, and until when. */
    public record Step(int order, String name, String unitCode, String role, OffsetDateTime startedAt,
            OffsetDateTime dueAt) {}

    public record Summary(String code, DossierStatus status, int statusCode, String procedureCode, String procedureName,
            String applicantName, Channel channel, OffsetDateTime receivedAt, OffsetDateTime dueAt) {}

    /** A line of the control slip (Form 06). */
    public record Handover(int step, String stepName, String action, String fromUnit, String toUnit, OffsetDateTime at,
            String by, OffsetDateTime stepDueAt, Timeliness timeliness, String note) {}

    /** What anyone holding the code and PIN may see: no ID number, phone, address or files. */
    public record PublicStatus(String code, String procedureName, DossierStatus status, int statusCode,
            String statusName, OffsetDateTime receivedAt, OffsetDateTime dueAt, String applicantName,
            List<PublicHistoryEntry> history) {}

    public record PublicHistoryEntry(OffsetDateTime at, int statusCode, String statusName) {}
}
