package vn.motcua.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierResults;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.Identity;
import vn.motcua.payment.Payments;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.portal.Filing;
import vn.motcua.portal.MyDossiers;

/**
 * The demo citizen's dossiers on the portal ({@value AccountsDemo#CITIZEN}), filed today through the same services as
 * live work: online, one waiting for the desk's check, one asked for a supplement, one being processed at the
 * Department of Construction, one returned with its electronic result (to download and rate); at the desk, one being
 * processed under the citizen's ID (seen because the account is level 2); and a draft of a procedure that asks for a
 * level-2 account, to resume. The fees: the certificate's and the desk dossier's paid in cash at the desk, the
 * permit's by a bank transfer the bank reported, the extension's by a transfer of the wrong amount that waits for
 * the desk to resolve; the civil-status extract's still to pay before its result is handed over (its QR code on the
 * citizen's payment page).
 */
@Component
class PortalDemo {

    /** Enough of a PDF for the upload checks: they judge the type by the first bytes. */
    private static final byte[] SCAN = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    static final String EXTRACT = "2.000635.000.00.00.H27";
    static final String PERMIT_EXTENSION = "1.009797.000.00.00.H27";
    static final String PERMIT = "1.009794.000.00.00.H27";
    static final String CERTIFICATE = "1.009985.000.00.00.H27";
    static final String PERMIT_REPAIR = "1.009795.000.00.00.H27";
    static final String CRIMINAL_RECORD = "2.000488.000.00.00.H27";

    private final Citizens citizens;
    private final Filing filing;
    private final MyDossiers myDossiers;
    private final DossierDesk desk;
    private final DossierProcessing processing;
    private final DossierResults results;
    private final Identity identity;
    private final Catalog catalog;
    private final Payments payments;
    private final PaymentDemo transfers;

    PortalDemo(Citizens citizens, Filing filing, MyDossiers myDossiers, DossierDesk desk, DossierProcessing processing,
            DossierResults results, Identity identity, Catalog catalog, Payments payments, PaymentDemo transfers) {
        this.payments = payments;
        this.transfers = transfers;
        this.catalog = catalog;
        this.citizens = citizens;
        this.filing = filing;
        this.myDossiers = myDossiers;
        this.desk = desk;
        this.processing = processing;
        this.results = results;
        this.identity = identity;
    }

    /** The citizen's dossiers, unless the citizen has some already (or the procedures are not in the catalogue). */
    void load() {
        CitizenUser citizen = citizens.byLogin(AccountsDemo.CITIZEN).orElse(null);
        if (citizen == null || myDossiers.list(citizen, null, 0, 1).total() > 0 || !filing.drafts(citizen).isEmpty()
                || catalog.published(PERMIT_REPAIR).isEmpty()) {
            return;
        }
        StaffUser reception = staff("tiepnhan");
        StaffUser specialist = staff("chuyenvien.sxd");
        StaffUser leader = staff("lanhdao.sxd");
        try {
            file(citizen, EXTRACT);
            String extension = file(citizen, PERMIT_EXTENSION);
            desk.requestSupplement(extension, List.of(new IntakeRequest.SupplementItem(
                    "Bản chính giấy phép xây dựng đã được cấp (bản chụp rõ cả hai mặt)",
                    "Bản chụp đã nộp mờ, không đọc được số giấy phép")), reception);
            String permit = file(citizen, PERMIT);
            desk.accept(permit, reception);
            transfers.transfer(permit, 150_000, "FT" + permit.replaceAll("\\W", ""));
            transfers.transfer(extension, 10_000, "FT" + extension.replaceAll("\\W", ""));
            String certificate = file(citizen, CERTIFICATE);
            desk.accept(certificate, reception);
            payments.recordCash(certificate, 300_000L, "BL-" + certificate, reception);
            processing.handOver(certificate, "Đủ điều kiện cấp chứng chỉ hạng II", null, specialist);
            processing.handOver(certificate, "Đồng ý cấp", null, leader);
            results.issue(certificate, "Chứng chỉ hành nghề hoạt động xây dựng hạng II số HPH-00125",
                    "chung-chi-hanh-nghe.pdf", new ByteArrayInputStream(onePage()), leader);
            processing.returnResult(certificate, ReturnMethod.ONLINE, null, reception);
            String repair = desk.receive(atTheDesk(citizen), reception, null).code();
            payments.recordCash(repair, 150_000L, "BL-" + repair, reception);
            Filing.DraftView draft = filing.begin(citizen, new Filing.DraftRequest(CRIMINAL_RECORD, null, null,
                    ReturnMethod.POSTAL));
            filing.attach(citizen, draft.id(), draft.documents().get(0).documentId(), "to-khai-ly-lich-tu-phap.pdf",
                    new ByteArrayInputStream(SCAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files the procedure online with a scan of each mandatory document; its code. */
    private String file(CitizenUser citizen, String procedure) throws IOException {
        Filing.DraftView draft = filing.begin(citizen, new Filing.DraftRequest(procedure, null, null, ReturnMethod.ONLINE));
        for (Filing.DocumentSlot slot : draft.documents()) {
            if (slot.mandatory()) {
                filing.attach(citizen, draft.id(), slot.documentId(), "ban-chup-" + slot.documentId() + ".pdf",
                        new ByteArrayInputStream(SCAN));
            }
        }
        return filing.submit(citizen, draft.id(), null).code();
    }

    /** A dossier the citizen handed in at the desk, accepted there: the account sees it by its proven ID. */
    private IntakeRequest atTheDesk(CitizenUser citizen) {
        List<IntakeRequest.ReceivedDocument> documents = catalog.published(PERMIT_REPAIR).orElseThrow().documents()
                .stream().filter(d -> Boolean.TRUE.equals(d.mandatory()))
                .map(d -> new IntakeRequest.ReceivedDocument(d.id(), null, null, null, null)).toList();
        return new IntakeRequest(PERMIT_REPAIR, Channel.DIRECT, new IntakeRequest.Person(citizen.fullName(),
                citizen.citizenId(), citizen.phone(), citizen.email(), citizen.address(), null, null), null,
                documents, IntakeRequest.Decision.ACCEPT, null, null, 1, ReturnMethod.DIRECT);
    }

    private StaffUser staff(String username) {
        return identity.user(username).orElseThrow();
    }

    private static byte[] onePage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
