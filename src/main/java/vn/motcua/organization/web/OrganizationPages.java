package vn.motcua.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.StaffForm;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.organization.UnitKind;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.PageLinks;

/**
 * The organization as staff see it: agencies with their staffing, units, and the staff list with a search
 * that ignores diacritics. Administrators add and change units and staff records.
 */
@Controller
class OrganizationPages {

    static final int PAGE_SIZE = 20;
    static final int UNIT_NAME_MAX = 255;

    /** Problems a service reports without naming a field, and the field of the form they belong to. */
    private static final Map<String, String> FIELD_OF_PROBLEM = Map.of("organization.unit.duplicate", "code");

    public record UnitRow(UnitView unit, long staff) {}

    public record AgencyBlock(AgencyView agency, List<UnitRow> units) {}


    /** The units of one agency for a select. */
    public record UnitGroup(String agencyName, List<UnitView> units) {}

    /** The unit form: the code and agency only when the unit is new. */
    public static class UnitForm {

        private String agencyCode;
        private String code;
        private String name;
        private UnitKind kind;
        private boolean active = true;
        private Integer version;

        public String getAgencyCode() {
            return agencyCode;
        }

        public void setAgencyCode(String agencyCode) {
            this.agencyCode = agencyCode;
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

        public UnitKind getKind() {
            return kind;
        }

        public void setKind(UnitKind kind) {
            this.kind = kind;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    /** The staff form, bound field by field; {@code version} guards against overwriting someone else's change. */
    public static class StaffFormData {

        private String fullName;
        private String unitCode;
        private String positionCode;
        private String email;
        private String phone;
        private String accountUsername;
        private boolean active = true;
        private Integer version;

        static StaffFormData of(StaffView staff) {
            StaffFormData form = new StaffFormData();
            form.fullName = staff.fullName();
            form.unitCode = staff.unitCode();
            form.positionCode = staff.positionCode();
            form.email = staff.email();
            form.phone = staff.phone();
            form.accountUsername = staff.accountUsername();
            form.active = staff.active();
            form.version = staff.version();
            return form;
        }

        StaffForm toForm() {
            return new StaffForm(fullName, unitCode, positionCode, email, phone, accountUsername, active, version);
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public String getPositionCode() {
            return positionCode;
        }

        public void setPositionCode(String positionCode) {
            this.positionCode = positionCode;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getAccountUsername() {
            return accountUsername;
        }

        public void setAccountUsername(String accountUsername) {
            this.accountUsername = accountUsername;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer version) {
            this.version = version;
        }
    }

    private final Organization organization;
    private final Messages messages;

    OrganizationPages(Organization organization, Messages messages) {
        this.organization = organization;
        this.messages = messages;
    }

    // --- overview ------------------------------------------------------------------------------

    @GetMapping("/organization")
    @PreAuthorize("isAuthenticated()")
    String overview(Model model, Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        List<AgencyBlock> blocks = new ArrayList<>();
        for (AgencyView agency : organization.agencies()) {
            List<UnitRow> rows = organization.units(agency.code()).stream()
                    .filter(unit -> admin || unit.active())
                    .map(unit -> new UnitRow(unit, staffCount(unit.code())))
                    .toList();
            blocks.add(new AgencyBlock(agency, rows));
        }
        model.addAttribute("agencies", blocks);
        return "organization/index";
    }

    private long staffCount(String unitCode) {
        return organization.staff(unitCode, null, true, PageRequest.of(0, 1)).getTotalElements();
    }

    // --- units (administrators) ----------------------------------------------------------------

    @GetMapping("/organization/units/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newUnit(@RequestParam(required = false) String agency, Model model) {
        UnitForm form = new UnitForm();
        form.setAgencyCode(agency);
        form.setKind(UnitKind.DEPARTMENT);
        model.addAttribute("form", form);
        return unitView(null, model);
    }

    @PostMapping("/organization/units/new")
    @PreAuthorize("hasRole('ADMIN')")
    String createUnit(@ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        String code = form.getCode() == null ? "" : form.getCode().strip().toUpperCase(Locale.ROOT);
        form.setCode(code);
        if (form.getAgencyCode() == null || form.getAgencyCode().isBlank()) {
            errors.rejectValue("agencyCode", "validation.required");
        }
        if (code.isEmpty()) {
            errors.rejectValue("code", "validation.required");
        }
        checkUnit(form, errors);
        if (!errors.hasErrors()) {
            try {
                UnitView unit = organization.createUnit(form.getAgencyCode(), code, form.getName().strip(),
                        form.getKind());
                redirect.addFlashAttribute("flash", messages.text("web.org.unit.created", unit.name()));
                return "redirect:/organization";
            } catch (ProblemException e) {
                reject(errors, e);
            }
        }
        return unitView(null, model);
    }

    @GetMapping("/organization/units/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String editUnit(@PathVariable String code, Model model) {
        UnitView unit = organization.unit(code)
                .orElseThrow(() -> ProblemException.notFound("organization.unit.not-found", code));
        UnitForm form = new UnitForm();
        form.setAgencyCode(unit.agencyCode());
        form.setCode(unit.code());
        form.setName(unit.name());
        form.setKind(unit.kind());
        form.setActive(unit.active());
        form.setVersion(unit.version());
        model.addAttribute("form", form);
        return unitView(unit, model);
    }

    @PostMapping("/organization/units/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String changeUnit(@PathVariable String code, @ModelAttribute("form") UnitForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        UnitView unit = organization.unit(code)
                .orElseThrow(() -> ProblemException.notFound("organization.unit.not-found", code));
        form.setCode(unit.code());
        form.setAgencyCode(unit.agencyCode());
        checkUnit(form, errors);
        if (!errors.hasErrors()) {
            try {
                UnitView changed = organization.changeUnit(code, form.getName().strip(), form.getKind(),
                        form.isActive(), form.getVersion());
                redirect.addFlashAttribute("flash", messages.text("web.org.unit.changed", changed.name()));
                return "redirect:/organization";
            } catch (ProblemException e) {
                reject(errors, e);
            } catch (OptimisticLockingFailureException e) {
                errors.reject("problem.concurrent-change");
            }
        }
        return unitView(unit, model);
    }

    private static void checkUnit(UnitForm form, BindingResult errors) {
        if (form.getName() == null || form.getName().isBlank()) {
            errors.rejectValue("name", "validation.required");
        } else if (form.getName().strip().length() > UNIT_NAME_MAX) {
            errors.rejectValue("name", "web.validation.too-long", new Object[] {String.valueOf(UNIT_NAME_MAX)}, null);
        }
        if (form.getKind() == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "validation.required");
        }
    }

    private String unitView(UnitView unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("agencies", organization.agencies());
        model.addAttribute("kinds", UnitKind.values());
        return "organization/unit-form";
    }

    // --- staff ---------------------------------------------------------------------------------

    @GetMapping("/organization/staff")
    @PreAuthorize("isAuthenticated()")
    String staff(@RequestParam(required = false) String unit, @RequestParam(required = false) String q,
            @RequestParam(required = false, defaultValue = "1") int page,
            @RequestParam(required = false, defaultValue = "false") boolean inactive,
            Authentication auth, Model model) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        String unitCode = unit == null || unit.isBlank() ? null : unit.strip();
        String query = q == null ? "" : q.strip();
        boolean withInactive = admin && inactive;
        int number = Math.max(page, 1);
        Page<StaffView> result = organization.staff(unitCode, query, !withInactive,
                PageRequest.of(number - 1, PAGE_SIZE));
        if (number > 1 && result.getContent().isEmpty() && result.getTotalElements() > 0) {
            number = result.getTotalPages();
            result = organization.staff(unitCode, query, !withInactive, PageRequest.of(number - 1, PAGE_SIZE));
        }
        model.addAttribute("staff", result);
        model.addAttribute("unit", unitCode);
        model.addAttribute("unitView", organization.unit(unitCode).orElse(null));
        model.addAttribute("q", query);
        model.addAttribute("inactive", withInactive);
        model.addAttribute("agencies", organization.agencies());
        model.addAttribute("page", number);
        PageLinks.addTo(model, number, result.getTotalElements(), PAGE_SIZE, result.getNumberOfElements(),
                n -> staffUrl(unitCode, query, withInactive, n));
        return "organization/staff";
    }

    private static String staffUrl(String unit, String q, boolean inactive, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/organization/staff");
        if (unit != null) {
            url.queryParam("unit", unit);
        }
        if (q != null && !q.isEmpty()) {
            url.queryParam("q", q);
        }
        if (inactive) {
            url.queryParam("inactive", true);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    @GetMapping("/organization/staff/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newStaff(@RequestParam(required = false) String unit, Model model) {
        StaffFormData form = new StaffFormData();
        form.setUnitCode(unit);
        model.addAttribute("form", form);
        return staffView(null, model);
    }

    @PostMapping("/organization/staff/new")
    @PreAuthorize("hasRole('ADMIN')")
    String appoint(@ModelAttribute("form") StaffFormData form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.setActive(true);
        form.setVersion(null);
        checkStaff(form, errors);
        if (!errors.hasErrors()) {
            try {
                StaffView staff = organization.appoint(form.toForm());
                redirect.addFlashAttribute("flash", messages.text("web.org.staff.appointed", staff.fullName(), staff.unitName()));
                return "redirect:" + staffUrl(staff.unitCode(), null, false, 1);
            } catch (ProblemException e) {
                reject(errors, e);
            } catch (DataIntegrityViolationException e) {
                rejectConflict(errors, e);
            }
        }
        return staffView(null, model);
    }

    @GetMapping("/organization/staff/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String editStaff(@PathVariable long id, Model model) {
        StaffView staff = organization.staffMember(id)
                .orElseThrow(() -> ProblemException.notFound("organization.staff.not-found", id));
        model.addAttribute("form", StaffFormData.of(staff));
        return staffView(staff, model);
    }

    @PostMapping("/organization/staff/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String changeStaff(@PathVariable long id, @ModelAttribute("form") StaffFormData form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        StaffView current = organization.staffMember(id)
                .orElseThrow(() -> ProblemException.notFound("organization.staff.not-found", id));
        checkStaff(form, errors);
        if (!errors.hasErrors()) {
            try {
                StaffView staff = organization.changeStaff(id, form.toForm());
                redirect.addFlashAttribute("flash", messages.text("web.org.staff.changed", staff.fullName()));
                return "redirect:" + staffUrl(staff.unitCode(), null, false, 1);
            } catch (ProblemException e) {
                reject(errors, e);
            } catch (OptimisticLockingFailureException e) {
                errors.reject("problem.concurrent-change");
            } catch (DataIntegrityViolationException e) {
                rejectConflict(errors, e);
            }
        }
        return staffView(current, model);
    }

    /**
     * Every mistake at once, before the service's own checks (which stop at the first): required fields,
     * and what the database would refuse with a less helpful message.
     */
    private static void checkStaff(StaffFormData form, BindingResult errors) {
        if (form.getFullName() == null || form.getFullName().isBlank()) {
            errors.rejectValue("fullName", "validation.required");
        }
        if (form.getUnitCode() == null || form.getUnitCode().isBlank()) {
            errors.rejectValue("unitCode", "validation.required");
        }
        if (form.getPositionCode() == null || form.getPositionCode().isBlank()) {
            errors.rejectValue("positionCode", "validation.required");
        }
        if (form.getEmail() != null && form.getEmail().strip().length() > 254) {
            errors.rejectValue("email", "web.validation.too-long", new Object[] {"254"}, null);
        }
        if (form.getPhone() != null && !form.getPhone().isBlank()
                && !form.getPhone().strip().matches("\\+?[0-9 .-]{6,20}")) {
            errors.rejectValue("phone", "web.org.staff.phone-invalid");
        }
        if (form.getAccountUsername() != null && !form.getAccountUsername().isBlank()
                && !form.getAccountUsername().strip().matches("[a-z0-9._-]{3,50}")) {
            errors.rejectValue("accountUsername", "identity.username.invalid");
        }
    }

    private String staffView(StaffView staff, Model model) {
        model.addAttribute("staffMember", staff);
        // Active units, and the one the person is in even if it has since been closed.
        model.addAttribute("unitGroups", organization.agencies().stream()
                .map(agency -> new UnitGroup(agency.name(), organization.units(agency.code()).stream()
                        .filter(unit -> unit.active() || (staff != null && unit.code().equals(staff.unitCode())))
                        .toList()))
                .toList());
        model.addAttribute("positions", organization.positions());
        return "organization/staff-form";
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Shows a service's refusal next to the field it names, or above the form. */
    private static void reject(BindingResult errors, ProblemException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(errors.getTarget());
        if (e.errors().isEmpty()) {
            String field = FIELD_OF_PROBLEM.get(e.messageKey());
            if (field != null) {
                errors.rejectValue(field, e.messageKey(), e.args(), null);
            } else {
                errors.reject(e.messageKey(), e.args(), null);
            }
            return;
        }
        for (ProblemException.FieldError error : e.errors()) {
            if (form.isReadableProperty(error.field())) {
                errors.rejectValue(error.field(), error.messageKey(), error.args(), null);
            } else {
                errors.reject(error.messageKey(), error.args(), null);
            }
        }
    }

    /** The one unique column a form can collide with is the account name. */
    private static void rejectConflict(BindingResult errors, DataIntegrityViolationException e) {
        String cause = String.valueOf(e.getMostSpecificCause().getMessage());
        if (cause.contains("account_username")) {
            errors.rejectValue("accountUsername", "web.org.staff.account-taken");
        } else {
            errors.reject("problem.data-conflict");
        }
    }

}
