package vn.motcua.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.motcua.shared.ProblemException;

/**
 * A one-stop dossier (hồ sơ). It pins the procedure version in force when it was received and keeps
 * every change of status in its history. Transitions are methods that check the current status:
 * an illegal one is a 409.
 */
@Table("dossier")
class Dossier {

    @Id
    private Long id;
    private final String code;
    private final String agencyCode;
    private final String deskUnitCode;
    private final String procedureCode;
    private final int procedureVersion;
    private final String procedureName;
    private final Channel channel;
    private DossierStatus status;
    private int statusCode;
    @Column("applicant_name")
    private final String applicantName;
    private final String applicantCitizenId;
    private final String applicantPhone;
    private final String applicantEmail;
    private final String applicantAddress;
    private final String applicantOrganization;
    private final String representativeName;
    private final String representativeCitizenId;
    private final String representativePhone;
    private final String representativeAuthorization;
    private final Instant receivedAt;
    private Instant acceptedAt;
    private Instant dueAt;
    private final String lookupPin;
    private String supplementItems;
    private String refusalReason;
    private final String[] routeUnits;
    private final String[] routeAgencies;
    private final String searchText;
    private final String receivedBy;
    @Version
    private Integer lockVersion;
    @MappedCollection(idColumn = "dossier_id", keyColumn = "position")
    private List<Document> documents = new ArrayList<>();
    @MappedCollection(idColumn = "dossier_id", keyColumn = "position")
    private List<Event> events = new ArrayList<>();

    @Table("dossier_document")
    record Document(long documentId, String name, String copyKind, int count) {}

    @Table("dossier_event")
    record Event(Instant at, DossierStatus status, int statusCode, String action, String byUser, String unitCode,
            String note) {}

    @PersistenceCreator
    Dossier(Long id, String code, String agencyCode, String deskUnitCode, String procedureCode, int procedureVersion,
            String procedureName, Channel channel, DossierStatus status, String applicantName,
            String applicantCitizenId, String applicantPhone, String applicantEmail, String applicantAddress,
            String applicantOrganization, String representativeName, String representativeCitizenId,
            String representativePhone, String representativeAuthorization, Instant receivedAt, String lookupPin,
            String[] routeUnits, String[] routeAgencies, String searchText, String receivedBy, Integer lockVersion) {
        this.id = id;
        this.code = code;
        this.agencyCode = agencyCode;
        this.deskUnitCode = deskUnitCode;
        this.procedureCode = procedureCode;
        this.procedureVersion = procedureVersion;
        this.procedureName = procedureName;
        this.channel = channel;
        this.status = status;
        this.statusCode = status.code();
        this.applicantName = applicantName;
        this.applicantCitizenId = applicantCitizenId;
        this.applicantPhone = applicantPhone;
        this.applicantEmail = applicantEmail;
        this.applicantAddress = applicantAddress;
        this.applicantOrganization = applicantOrganization;
        this.representativeName = representativeName;
        this.representativeCitizenId = representativeCitizenId;
        this.representativePhone = representativePhone;
        this.representativeAuthorization = representativeAuthorization;
        this.receivedAt = receivedAt;
        this.lookupPin = lookupPin;
        this.routeUnits = routeUnits;
        this.routeAgencies = routeAgencies;
        this.searchText = searchText;
        this.receivedBy = receivedBy;
        this.lockVersion = lockVersion;
    }

    /** Registered: online dossiers wait as NEW for the desk's check; desk dossiers are decided at once. */
    void register(List<Document> received, Instant at, String by, String unit) {
        this.documents = new ArrayList<>(received);
        record(status, "REGISTERED", at, by, unit, null);
    }

    /** Form 01: complete and eligible; the time limit runs from now (Decree 118/2025, one-stop-rules §1.2). */
    void accept(Instant at, Instant due, String by, String unit) {
        requireStatus("accept", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);
        if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
            throw ProblemException.conflict("dossier.transition.supplement-pending", code);
        }
        this.acceptedAt = at;
        this.dueAt = due;
        moveTo(DossierStatus.ACCEPTED, "ACCEPTED", at, by, unit, null);
    }

    /** Form 02: every missing item at once, with its reason. */
    void requestSupplement(String itemsJson, String summary, Instant at, String by, String unit) {
        requireStatus("request-supplement", DossierStatus.NEW);
        this.supplementItems = itemsJson;
        moveTo(DossierStatus.SUPPLEMENT_REQUESTED, "SUPPLEMENT_REQUESTED", at, by, unit, summary);
    }

    /** The applicant brought what Form 02 asked for: back to the desk's check. */
    void supplied(Instant at, String by, String unit, String note) {
        requireStatus("supplement", DossierStatus.SUPPLEMENT_REQUESTED);
        moveTo(DossierStatus.NEW, "SUPPLIED", at, by, unit, note);
    }

    /** Form 03: not eligible, with the reason. */
    void refuse(String reason, Instant at, String by, String unit) {
        requireStatus("refuse", DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);
        this.refusalReason = reason;
        moveTo(DossierStatus.REFUSED, "REFUSED", at, by, unit, reason);
    }

    private void requireStatus(String action, DossierStatus... allowed) {
        for (DossierStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw ProblemException.conflict("dossier.transition.refused", code, action, status.code());
    }

    private void moveTo(DossierStatus next, String action, Instant at, String by, String unit, String note) {
        this.status = next;
        this.statusCode = next.code();
        record(next, action, at, by, unit, note);
    }

    private void record(DossierStatus s, String action, Instant at, String by, String unit, String note) {
        events.add(new Event(at, s, s.code(), action, by, unit, note));
    }

    Long id() { return id; }
    String code() { return code; }
    String agencyCode() { return agencyCode; }
    String deskUnitCode() { return deskUnitCode; }
    String procedureCode() { return procedureCode; }
    int procedureVersion() { return procedureVersion; }
    String procedureName() { return procedureName; }
    Channel channel() { return channel; }
    DossierStatus status() { return status; }
    String applicantName() { return applicantName; }
    String applicantCitizenId() { return applicantCitizenId; }
    String applicantPhone() { return applicantPhone; }
    String applicantEmail() { return applicantEmail; }
    String applicantAddress() { return applicantAddress; }
    String applicantOrganization() { return applicantOrganization; }
    String representativeName() { return representativeName; }
    String representativeCitizenId() { return representativeCitizenId; }
    String representativePhone() { return representativePhone; }
    String representativeAuthorization() { return representativeAuthorization; }
    Instant receivedAt() { return receivedAt; }
    Instant acceptedAt() { return acceptedAt; }
    Instant dueAt() { return dueAt; }
    String lookupPin() { return lookupPin; }
    String supplementItems() { return supplementItems; }
    String refusalReason() { return refusalReason; }
    String[] routeUnits() { return routeUnits.clone(); }
    String[] routeAgencies() { return routeAgencies.clone(); }
    String receivedBy() { return receivedBy; }
    Integer lockVersion() { return lockVersion; }
    List<Document> documents() { return List.copyOf(documents); }
    List<Event> events() { return List.copyOf(events); }
}
