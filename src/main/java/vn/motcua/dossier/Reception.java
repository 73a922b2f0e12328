package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.VietnameseText;

/**
 * What the desk records when it receives a dossier, fixed from then on: its code, where it was received, the
 * procedure version it is judged by, who applies and who represents them, whose work it is, how many sets were
 * handed in and how the applicant wants the result returned (Form 01, Circular 03/2025/TT-VPCP).
 */
record Reception(String code, String agencyCode, String deskUnitCode, PinnedProcedure procedure, Channel channel,
        Applicant applicant, Representative representative, Participants participants, Instant receivedAt,
        String receivedBy, String lookupPin, int sets, ReturnMethod requestedReturnMethod, Fees fees) {

    /** The procedure version in force when the dossier was received: a later revision does not change its rules. */
    record PinnedProcedure(String code, int version, String name, String field) {}

    /** The applicant (người nộp hồ sơ): a citizen, or an organisation through its contact person. */
    record Applicant(String name, String citizenId, String phone, String email, String address, String organization) {}

    /** A person authorised by the applicant to file and collect (người được ủy quyền). */
    record Representative(String name, String citizenId, String phone, String authorization) {}

    /**
     * The units and agencies of the pinned process, with the receiving desk and agency first: who may see the
     * dossier (staff of those units, leaders and monitors of those agencies); and the handling agency, the agency
     * of the step that decides the result ({@link Route#decidingStep()}), the receiving agency when the desk
     * alone handles it.
     */
    record Participants(List<String> units, List<String> agencies, String handlingAgency) {
        Participants {
            units = List.copyOf(units);
            agencies = List.copyOf(agencies);
        }
    }

    /**
     * The fees and charges (phí, lệ phí) the applicant owes, fixed at intake from the pinned version's fee lines at
     * the amounts of the dossier's channel (a council may reduce them for online filing), in integer VND; and what
     * waits for their payment.
     */
    record Fees(List<Line> lines, PaymentTiming timing) {

        static final Fees NONE = new Fees(List.of(), PaymentTiming.NONE);

        Fees {
            lines = List.copyOf(lines);
        }

        record Line(String name, long amount) {}

        static Fees of(ProcedureData procedure, Channel channel) {
            return new Fees(procedure.fees() == null ? List.of() : procedure.fees().stream()
                    .map(f -> new Line(f.name(), f.amountFor(channel == Channel.ONLINE))).toList(), procedure.payment());
        }

        long total() {
            return lines.stream().mapToLong(Line::amount).sum();
        }

        /** Whether an unpaid dossier waits for its payment at {@code point}: a payment is due, and asked for then. */
        boolean awaitedAt(PaymentTiming point) {
            return timing == point && total() > 0;
        }
    }

    /** Code, applicant and procedure without diacritics: what the staff's search matches ("ho so" finds "hồ sơ"). */
    String searchText() {
        return VietnameseText.fold(code + " " + applicant.name() + " "
                + (applicant.organization() == null ? "" : applicant.organization()) + " " + procedure.name());
    }
}
