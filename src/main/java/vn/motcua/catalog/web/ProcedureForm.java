package vn.motcua.catalog.web;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.web.Formats;

/**
 * The draft editor, bound field by field: rows are {@code documents[0].name}, {@code steps[1].durationHours}
 * … the same paths as the rule violations that {@code Catalog} reports, so each lands next to its input.
 * {@code revision} guards against overwriting someone else's edit; {@code baseVersion} is the version the
 * form was opened on.
 */
public class ProcedureForm {

    private String code;
    private String name;
    private String field;
    private String agencyName;
    private String agencyCode;
    private List<Applicant> applicants = new ArrayList<>();
    private Integer timeLimitAmount;
    private TimeUnit timeLimitUnit = TimeUnit.WORKING_DAYS;
    private OnlineLevel onlineLevel = OnlineLevel.PARTIAL;
    private Integer requiredAssuranceLevel = 1;
    private PaymentTiming paymentTiming = PaymentTiming.NONE;
    private ClockPolicy clockPolicy = ClockPolicy.RESTART;
    private String result;
    private String conditions;
    private String legalBasis;
    private Integer revision;
    private Integer baseVersion;
    private List<DocumentRow> documents = new ArrayList<>();
    private List<FeeRow> fees = new ArrayList<>();
    private List<StepRow> steps = new ArrayList<>();

    public static class DocumentRow {

        private String name;
        private CopyKind copyKind = CopyKind.ORIGINAL;
        private Integer count = 1;
        private boolean mandatory;
        private String templateName;

        boolean blank() {
            return isBlank(name) && isBlank(templateName);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public CopyKind getCopyKind() {
            return copyKind;
        }

        public void setCopyKind(CopyKind copyKind) {
            this.copyKind = copyKind;
        }

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }

        public boolean isMandatory() {
            return mandatory;
        }

        public void setMandatory(boolean mandatory) {
            this.mandatory = mandatory;
        }

        public String getTemplateName() {
            return templateName;
        }

        public void setTemplateName(String templateName) {
            this.templateName = templateName;
        }
    }

    /** {@code amount} as typed: {@code 150000}, {@code 150.000} or {@code 150.000 đ}. */
    public static class FeeRow {

        private String name;
        private String amount;
        private String onlineAmount;
        private String note;

        boolean blank() {
            return isBlank(name) && isBlank(amount) && isBlank(onlineAmount) && isBlank(note);
        }

        /** The amount in đồng, or null when it is not a whole number of đồng. */
        Long amountValue() {
            return vnd(amount);
        }

        /**
         * The online amount in đồng; null when left blank (online applicants pay the amount), and -1 when typed but
         * not a whole number of đồng, so that the rules refuse it rather than drop it.
         */
        Long onlineAmountValue() {
            if (isBlank(onlineAmount)) {
                return null;
            }
            Long value = vnd(onlineAmount);
            return value == null ? -1L : value;
        }

        private static Long vnd(String amount) {
            if (isBlank(amount)) {
                return null;
            }
            String digits = amount.strip().replace("đ", "").replace("Đ", "").replace(".", "").replace(",", "")
                    .replace(" ", "").replace("\u00a0", "");
            if (!digits.matches("[0-9]{1,13}")) {
                return null;
            }
            return Long.parseLong(digits);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getOnlineAmount() {
            return onlineAmount;
        }

        public void setOnlineAmount(String onlineAmount) {
            this.onlineAmount = onlineAmount;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public static class StepRow {

        private String name;
        private String unitCode;
        private StepRole role;
        private Integer durationHours;
        private String output;

        boolean blank() {
            return isBlank(name) && isBlank(unitCode) && durationHours == null && isBlank(output);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public StepRole getRole() {
            return role;
        }

        public void setRole(StepRole role) {
            this.role = role;
        }

        public Integer getDurationHours() {
            return durationHours;
        }

        public void setDurationHours(Integer durationHours) {
            this.durationHours = durationHours;
        }

        public String getOutput() {
            return output;
        }

        public void setOutput(String output) {
            this.output = output;
        }
    }

    /** A new procedure: one empty document and one empty step to start from. */
    static ProcedureForm blank() {
        ProcedureForm form = new ProcedureForm();
        form.documents.add(new DocumentRow());
        form.documents.get(0).setMandatory(true);
        form.steps.add(new StepRow());
        return form;
    }

    static ProcedureForm of(ProcedureData p) {
        ProcedureForm form = new ProcedureForm();
        form.code = p.code();
        form.name = p.name();
        form.field = p.field();
        form.agencyName = p.agencyName();
        form.agencyCode = p.agencyCode();
        form.applicants = new ArrayList<>(p.applicants());
        form.timeLimitAmount = p.timeLimit().amount();
        form.timeLimitUnit = p.timeLimit().unit();
        form.onlineLevel = p.onlineLevel();
        form.requiredAssuranceLevel = p.assuranceLevel();
        form.paymentTiming = p.payment();
        form.clockPolicy = p.clockPolicy();
        form.result = p.result();
        form.conditions = p.conditions();
        form.legalBasis = p.legalBasis();
        form.revision = p.revision();
        form.baseVersion = p.version();
        for (ProcedureData.DocumentData d : p.documents()) {
            DocumentRow row = new DocumentRow();
            row.name = d.name();
            row.copyKind = d.copyKind();
            row.count = d.count();
            row.mandatory = Boolean.TRUE.equals(d.mandatory());
            row.templateName = d.templateName();
            form.documents.add(row);
        }
        for (ProcedureData.FeeData f : p.fees()) {
            FeeRow row = new FeeRow();
            row.name = f.name();
            row.amount = f.amount() == null ? null : Formats.vnd(f.amount()).replace(" đ", "");
            row.onlineAmount = f.onlineAmount() == null ? null : Formats.vnd(f.onlineAmount()).replace(" đ", "");
            row.note = f.note();
            form.fees.add(row);
        }
        for (ProcedureData.StepData s : p.steps()) {
            StepRow row = new StepRow();
            row.name = s.name();
            row.unitCode = s.unitCode();
            row.role = s.role();
            row.durationHours = s.durationHours();
            row.output = s.output();
            form.steps.add(row);
        }
        return form;
    }

    /**
     * Rows left entirely empty (added and never filled, or gaps in the numbering of a form posted without
     * its script) are not part of the procedure. The form is shown again as compacted, so that the paths of
     * the errors match its inputs.
     */
    void dropBlankRows() {
        documents.removeIf(row -> row == null || row.blank());
        fees.removeIf(row -> row == null || row.blank());
        steps.removeIf(row -> row == null || row.blank());
    }

    /** Steps are numbered by their place in the form: B1, B2, … */
    ProcedureData toData(String code) {
        List<ProcedureData.DocumentData> documentData = documents.stream()
                .map(d -> new ProcedureData.DocumentData(null, d.name, d.copyKind, d.count, d.mandatory,
                        isBlank(d.templateName) ? null : d.templateName.strip()))
                .toList();
        List<ProcedureData.FeeData> feeData = fees.stream()
                .map(f -> new ProcedureData.FeeData(f.name, f.amountValue(), f.onlineAmountValue(),
                        isBlank(f.note) ? null : f.note))
                .toList();
        List<ProcedureData.StepData> stepData = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepRow s = steps.get(i);
            stepData.add(new ProcedureData.StepData(i + 1, s.name, isBlank(s.unitCode) ? null : s.unitCode.strip(),
                    s.role, s.durationHours, s.output));
        }
        return new ProcedureData(code == null ? null : code.strip(), name, field, agencyName, agencyCode,
                List.copyOf(applicants.stream().filter(java.util.Objects::nonNull).distinct().toList()),
                new TimeLimit(timeLimitAmount, timeLimitUnit), onlineLevel, requiredAssuranceLevel, feeData, paymentTiming, documentData, stepData, result,
                conditions, legalBasis, clockPolicy, null, null, revision, null);
    }

    /** The sum of the step hours typed so far. */
    int stepHours() {
        return steps.stream().mapToInt(s -> s == null || s.durationHours == null ? 0 : s.durationHours).sum();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getAgencyName() {
        return agencyName;
    }

    public void setAgencyName(String agencyName) {
        this.agencyName = agencyName;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public void setAgencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    public List<Applicant> getApplicants() {
        return applicants;
    }

    public void setApplicants(List<Applicant> applicants) {
        this.applicants = applicants == null ? new ArrayList<>() : applicants;
    }

    public Integer getTimeLimitAmount() {
        return timeLimitAmount;
    }

    public void setTimeLimitAmount(Integer timeLimitAmount) {
        this.timeLimitAmount = timeLimitAmount;
    }

    public TimeUnit getTimeLimitUnit() {
        return timeLimitUnit;
    }

    public void setTimeLimitUnit(TimeUnit timeLimitUnit) {
        this.timeLimitUnit = timeLimitUnit;
    }

    public OnlineLevel getOnlineLevel() {
        return onlineLevel;
    }

    public void setOnlineLevel(OnlineLevel onlineLevel) {
        this.onlineLevel = onlineLevel;
    }

    public PaymentTiming getPaymentTiming() {
        return paymentTiming;
    }

    public void setPaymentTiming(PaymentTiming paymentTiming) {
        this.paymentTiming = paymentTiming;
    }

    public Integer getRequiredAssuranceLevel() {
        return requiredAssuranceLevel;
    }

    public void setRequiredAssuranceLevel(Integer requiredAssuranceLevel) {
        this.requiredAssuranceLevel = requiredAssuranceLevel;
    }

    public ClockPolicy getClockPolicy() {
        return clockPolicy;
    }

    public void setClockPolicy(ClockPolicy clockPolicy) {
        this.clockPolicy = clockPolicy;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public Integer getRevision() {
        return revision;
    }

    public void setRevision(Integer revision) {
        this.revision = revision;
    }

    public Integer getBaseVersion() {
        return baseVersion;
    }

    public void setBaseVersion(Integer baseVersion) {
        this.baseVersion = baseVersion;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }

    public void setDocuments(List<DocumentRow> documents) {
        this.documents = documents == null ? new ArrayList<>() : documents;
    }

    public List<FeeRow> getFees() {
        return fees;
    }

    public void setFees(List<FeeRow> fees) {
        this.fees = fees == null ? new ArrayList<>() : fees;
    }

    public List<StepRow> getSteps() {
        return steps;
    }

    public void setSteps(List<StepRow> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
    }
}
