package vn.motcua.dossier;

import java.util.List;

/**
 * What the desk (or the online portal) sends to register a dossier: the JSON of POST /api/v1/dossiers.
 * {@code sets} (số bộ hồ sơ, default 1) and {@code returnMethod} (how the applicant wants the result, default
 * at the desk) are printed on the receipt (Form 01, Circular 03/2025/TT-VPCP).
 */
public record IntakeRequest(
        String procedureCode,
        Channel channel,
        Person applicant,
        Person representative,
        List<ReceivedDocument> documents,
        Decision decision,
        List<SupplementItem> supplementItems,
        String refusalReason,
        Integer sets,
        ReturnMethod returnMethod) {

    public enum Decision { ACCEPT, SUPPLEMENT, REFUSE }

    public record Person(String fullName, String citizenId, String phone, String email, String address,
            String organizationName, String authorizationDocument) {}

    /**
     * A document handed in (or uploaded). {@code digitised} and {@code reused} (default false) are the national
     * dashboard's flags (the definitions of Decision 766/QĐ-TTg's service index): the desk keeps an electronic copy
     * of it (số hóa), or it was taken from data already digitised instead of being asked again (tái sử dụng).
     */
    public record ReceivedDocument(Long documentId, String copyKind, Integer count, Boolean digitised, Boolean reused) {}

    /** One gap of Form 02: what is missing or wrong, and why it is needed. */
    public record SupplementItem(String description, String reason) {}
}
