package vn.motcua.catalog.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData;

/**
 * Procedures for the page tests, valid unless a test breaks them on purpose. Codes of these tests are
 * 1.95xxxx.000.00.00.H27 (other tests use 1.90…–1.92…; the demo catalogue has real codes).
 */
final class ProcedureFixtures {

    private ProcedureFixtures() {}

    static String code(int n) {
        return "1.95" + String.format("%04d", n) + ".000.00.00.H27";
    }

    /** 15 working days = 120 hours = 4 + 96 + 16 + 4; two fees; a form template for the first document. */
    static ProcedureData procedure(String code, String name) {
        return new ProcedureData(code, name, "Xây dựng", "Sở Xây dựng thành phố Hải Phòng", "000.00.07.H27",
                List.of(Applicant.CITIZEN, Applicant.ORGANIZATION), new TimeLimit(15, TimeUnit.WORKING_DAYS),
                OnlineLevel.PARTIAL, null,
                List.of(new ProcedureData.FeeData("Lệ phí cấp giấy phép", 150_000L, null, "Nộp khi nhận kết quả"),
                        new ProcedureData.FeeData("Phí thẩm định", 1_500_000L, null, null)), null,
                List.of(new ProcedureData.DocumentData(null, "Đơn đề nghị cấp phép thử nghiệm", CopyKind.ORIGINAL, 1,
                                true, "Mau-01-don-thu-nghiem.docx"),
                        new ProcedureData.DocumentData(null, "Bản vẽ mặt bằng thử nghiệm", CopyKind.CERTIFIED_COPY, 2,
                                false, null)),
                List.of(new ProcedureData.StepData(1, "Tiếp nhận hồ sơ", "VP.MC", StepRole.RECEPTION, 4,
                                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
                        new ProcedureData.StepData(2, "Thẩm định hồ sơ", "SXD.QLXD", StepRole.SPECIALIST, 96,
                                "Báo cáo thẩm định"),
                        new ProcedureData.StepData(3, "Phê duyệt, ký giấy phép", "SXD.LD", StepRole.LEADER, 16, null),
                        new ProcedureData.StepData(4, "Trả kết quả", "VP.MC", StepRole.RECEPTION, 4, null)),
                "Giấy phép thử nghiệm", "Có mặt bằng thử nghiệm", "Luật Xây dựng số 50/2014/QH13",
                ClockPolicy.RESTART, null, null, null, null);
    }

    static ProcedureData withoutFees(ProcedureData p) {
        return new ProcedureData(p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(), p.applicants(),
                p.timeLimit(), p.onlineLevel(), p.requiredAssuranceLevel(), List.of(), p.paymentTiming(), p.documents(), p.steps(),
                p.result(), p.conditions(), p.legalBasis(), p.clockPolicy(), null, null, null, null);
    }

    static ProcedureData withSteps(ProcedureData p, List<ProcedureData.StepData> steps) {
        return new ProcedureData(p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(), p.applicants(),
                p.timeLimit(), p.onlineLevel(), p.requiredAssuranceLevel(), p.fees(), p.paymentTiming(), p.documents(), steps,
                p.result(), p.conditions(), p.legalBasis(), p.clockPolicy(), null, null, null, null);
    }

    static ProcedureData withDocuments(ProcedureData p, List<ProcedureData.DocumentData> documents) {
        return new ProcedureData(p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(), p.applicants(),
                p.timeLimit(), p.onlineLevel(), p.requiredAssuranceLevel(), p.fees(), p.paymentTiming(), documents, p.steps(),
                p.result(), p.conditions(), p.legalBasis(), p.clockPolicy(), null, null, null, null);
    }

    static ProcedureData.Publication decision(String number) {
        return new ProcedureData.Publication(number, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5));
    }

    /** The editor's fields for a procedure, as the browser posts them (one applicant: the map has one value a key). */
    static Map<String, String> form(ProcedureData p) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", p.code());
        form.put("name", p.name());
        form.put("field", p.field());
        form.put("agencyName", p.agencyName());
        form.put("agencyCode", p.agencyCode());
        form.put("applicants", p.applicants().get(0).name());
        form.put("timeLimitAmount", String.valueOf(p.timeLimit().amount()));
        form.put("timeLimitUnit", p.timeLimit().unit().name());
        form.put("onlineLevel", p.onlineLevel().name());
        form.put("requiredAssuranceLevel", String.valueOf(p.assuranceLevel()));
        form.put("clockPolicy", p.clockPolicy().name());
        form.put("result", p.result());
        form.put("conditions", p.conditions());
        form.put("legalBasis", p.legalBasis());
        for (int i = 0; i < p.documents().size(); i++) {
            var d = p.documents().get(i);
            form.put("documents[" + i + "].name", d.name());
            form.put("documents[" + i + "].copyKind", d.copyKind().name());
            form.put("documents[" + i + "].count", String.valueOf(d.count()));
            if (Boolean.TRUE.equals(d.mandatory())) {
                form.put("documents[" + i + "].mandatory", "true");
            }
            form.put("documents[" + i + "].templateName", d.templateName());
        }
        for (int i = 0; i < p.fees().size(); i++) {
            var f = p.fees().get(i);
            form.put("fees[" + i + "].name", f.name());
            form.put("fees[" + i + "].amount", String.valueOf(f.amount()));
            form.put("fees[" + i + "].note", f.note());
        }
        for (int i = 0; i < p.steps().size(); i++) {
            var s = p.steps().get(i);
            form.put("steps[" + i + "].name", s.name());
            form.put("steps[" + i + "].unitCode", s.unitCode());
            form.put("steps[" + i + "].role", s.role().name());
            form.put("steps[" + i + "].durationHours", String.valueOf(s.durationHours()));
            form.put("steps[" + i + "].output", s.output());
        }
        return form;
    }
}
