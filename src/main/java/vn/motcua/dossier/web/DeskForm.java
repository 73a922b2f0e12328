package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;

/**
 * The desk's intake form as the browser posts it; its property paths are those of {@link IntakeRequest}
 * (applicant.citizenId, supplementItems[0].description) so that the module's field errors land next to
 * the fields that caused them.
 */
public class DeskForm {

    private String procedureCode;
    private String idempotencyKey;
    private Channel channel = Channel.DIRECT;
    private PersonForm applicant = new PersonForm();
    private boolean withRepresentative;
    private PersonForm representative = new PersonForm();
    private List<DocumentForm> documents = new ArrayList<>();
    private IntakeRequest.Decision decision = IntakeRequest.Decision.ACCEPT;
    private List<ItemForm> supplementItems = new ArrayList<>(List.of(new ItemForm()));
    private String refusalReason;
    private Integer sets = 1;
    private ReturnMethod returnMethod = ReturnMethod.DIRECT;

    public static class PersonForm {
        private String fullName;
        private String citizenId;
        private String phone;
        private String email;
        private String address;
        private String organizationName;
        private String authorizationDocument;

        IntakeRequest.Person toPerson() {
            return new IntakeRequest.Person(blankToNull(fullName), blankToNull(citizenId), blankToNull(phone),
                    blankToNull(email), blankToNull(address), blankToNull(organizationName),
                    blankToNull(authorizationDocument));
        }

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getCitizenId() { return citizenId; }
        public void setCitizenId(String citizenId) { this.citizenId = citizenId; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getOrganizationName() { return organizationName; }
        public void setOrganizationName(String organizationName) { this.organizationName = organizationName; }
        public String getAuthorizationDocument() { return authorizationDocument; }
        public void setAuthorizationDocument(String authorizationDocument) { this.authorizationDocument = authorizationDocument; }
    }

    /** One line of the procedure's checklist: ticked when the applicant handed it in. */
    public static class DocumentForm {
        private Long documentId;
        private boolean received;
        private String copyKind;
        private Integer count = 1;

        public Long getDocumentId() { return documentId; }
        public void setDocumentId(Long documentId) { this.documentId = documentId; }
        public boolean isReceived() { return received; }
        public void setReceived(boolean received) { this.received = received; }
        public String getCopyKind() { return copyKind; }
        public void setCopyKind(String copyKind) { this.copyKind = copyKind; }
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
    }

    public static class ItemForm {
        private String description;
        private String reason;

        boolean blank() {
            return blankToNull(description) == null && blankToNull(reason) == null;
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** The request for the module; blank supplement rows are dropped from the form first. */
    IntakeRequest toRequest() {
        supplementItems = new ArrayList<>(supplementItems.stream().filter(i -> i != null && !i.blank()).toList());
        List<IntakeRequest.ReceivedDocument> received = documents.stream().filter(DocumentForm::isReceived)
                .map(d -> new IntakeRequest.ReceivedDocument(d.getDocumentId(), d.getCopyKind(), d.getCount(), null, null))
                .toList();
        IntakeRequest.Person rep = withRepresentative ? representative.toPerson() : null;
        return new IntakeRequest(procedureCode, channel, applicant.toPerson(), rep, received, decision,
                decision == IntakeRequest.Decision.SUPPLEMENT
                        ? supplementItems.stream().map(i -> new IntakeRequest.SupplementItem(i.description, i.reason)).toList()
                        : null,
                decision == IntakeRequest.Decision.REFUSE ? blankToNull(refusalReason) : null, sets, returnMethod);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getProcedureCode() { return procedureCode; }
    public void setProcedureCode(String procedureCode) { this.procedureCode = procedureCode; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public PersonForm getApplicant() { return applicant; }
    public void setApplicant(PersonForm applicant) { this.applicant = applicant; }
    public boolean isWithRepresentative() { return withRepresentative; }
    public void setWithRepresentative(boolean withRepresentative) { this.withRepresentative = withRepresentative; }
    public PersonForm getRepresentative() { return representative; }
    public void setRepresentative(PersonForm representative) { this.representative = representative; }
    public List<DocumentForm> getDocuments() { return documents; }
    public void setDocuments(List<DocumentForm> documents) { this.documents = documents; }
    public IntakeRequest.Decision getDecision() { return decision; }
    public void setDecision(IntakeRequest.Decision decision) { this.decision = decision; }
    public List<ItemForm> getSupplementItems() { return supplementItems; }
    public void setSupplementItems(List<ItemForm> supplementItems) { this.supplementItems = supplementItems; }
    public String getRefusalReason() { return refusalReason; }
    public void setRefusalReason(String refusalReason) { this.refusalReason = refusalReason; }
    public Integer getSets() { return sets; }
    public void setSets(Integer sets) { this.sets = sets; }
    public ReturnMethod getReturnMethod() { return returnMethod; }
    public void setReturnMethod(ReturnMethod returnMethod) { this.returnMethod = returnMethod; }
}
