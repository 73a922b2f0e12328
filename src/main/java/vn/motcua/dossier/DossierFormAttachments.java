package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.forms.Form;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.notification.AttachmentSource;

/** Renders a dossier's form for an e-mail when it is sent: references {@code dossier-form:<form>:<code>}. */
@Component
class DossierFormAttachments implements AttachmentSource {

    private static final String PREFIX = "dossier-form:";
    /** The notices' sender reads any dossier: the outbox only names dossiers that asked for a notice. */
    private static final StaffUser SENDER = new StaffUser("he-thong", "Hệ thống", Set.of(Role.ADMIN), null, null);

    private final DossierForms forms;

    DossierFormAttachments(DossierForms forms) {
        this.forms = forms;
    }

    static String reference(String formSlug, String code) {
        return PREFIX + formSlug + ":" + code;
    }

    @Override
    public Optional<byte[]> render(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = reference.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String slug = rest.substring(0, colon);
        Form form = Arrays.stream(Form.values()).filter(f -> f.slug().equals(slug)).findFirst().orElseThrow();
        return Optional.of(forms.render(form, rest.substring(colon + 1), SENDER).content());
    }
}
