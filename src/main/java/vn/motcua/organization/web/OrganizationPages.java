package vn.motcua.organization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
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
import org.springframework.validation.annotation.Validated;
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

    /**
     * The unit form; the code and the agency are chosen when the unit is new and kept afterwards. The code is
     * kept in capitals, the name without the spaces around it.
     */
    public record UnitForm(@NotBlank(groups = UnitForm.New.class, message = "{validation.required}") String agencyCode,
            @NotBlank(groups = UnitForm.New.class, message = "{validation.required}") String code,
            @NotBlank(message = "{validation.required}")
            @Size(max = UNIT_NAME_MAX, message = "{validation.too-long}") String name,
            @NotNull(message = "{validation.required}") UnitKind kind,
            @Pattern(regexp = "|\\+?[0-9 .-]{6,20}", message = "{web.org.staff.phone-invalid}") String phone,
            Boolean active, Integer version) {

        /** The checks of a new unit only: an existing unit keeps its code and agency. */
        interface New {}

        /** A box left unticked is not posted at all: it is a no (and so is an absent one). */
        public UnitForm {
            active = Boolean.TRUE.equals(active);
            code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
            name = name == null ? null : name.strip();
            phone = phone == null ? null : phone.strip();
        }
    }

    /**
     * The staff form; {@code version} guards against overwriting someone else's change. Every mistake is shown
     * at once, before the service's own checks (which stop at the first), including what the database would
     * refuse with a less helpful message.
     */
    public record StaffFormData(@NotBlank(message = "{validation.required}") String fullName,
            @NotBlank(message = "{validation.required}") String unitCode,
            @NotBlank(message = "{validation.required}") String positionCode,
            @Size(max = 254, message = "{validation.too-long}") String email,
            @Pattern(regexp = "|\\+?[0-9 .-]{6,20}", message = "{web.org.staff.phone-invalid}") String phone,
            @Pattern(regexp = "|[a-z0-9._-]{3,50}", message = "{identity.username.invalid}") String accountUsername,
            Boolean active, Integer version) {

        /** A box left unticked is not posted at all: it is a no (and so is an absent one). */
        public StaffFormData {
            active = Boolean.TRUE.equals(active);
            email = email == null ? null : email.strip();
            phone = phone == null ? null : phone.strip();
            accountUsername = accountUsername == null ? null : accountUsername.strip();
        }

        static StaffFormData of(StaffView staff) {
            return new StaffFormData(staff.fullName(), staff.unitCode(), staff.positionCode(), staff.email(),
                    staff.phone(), staff.accountUsername(), staff.active(), staff.version());
        }

        StaffForm toForm(boolean active, Integer version) {
            return new StaffForm(fullName, unitCode, positionCode, email, phone, accountUsername, active, version);
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
        model.addAttribute("form", new UnitForm(agency, null, null, UnitKind.DEPARTMENT, null, true, null));
        return unitView(null, model);
    }

    @PostMapping("/organization/units/new")
    @PreAuthorize("hasRole('ADMIN')")
    String createUnit(@Validated({Default.class, UnitForm.New.class}) @ModelAttribute("form") UnitForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UnitView unit = organization.createUnit(form.agencyCode(), form.code(), form.name(), form.kind(),
                        form.phone());
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
        model.addAttribute("form", new UnitForm(unit.agencyCode(), unit.code(), unit.name(), unit.kind(),
                unit.phone(), unit.active(), unit.version()));
        return unitView(unit, model);
    }

    @PostMapping("/organization/units/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String changeUnit(@PathVariable String code, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        // The code and the agency of an existing unit are the unit's, whatever was posted.
        UnitView unit = organization.unit(code)
                .orElseThrow(() -> ProblemException.notFound("organization.unit.not-found", code));
        if (!errors.hasErrors()) {
            try {
                UnitView changed = organization.changeUnit(unit.code(), form.name(), form.kind(), form.phone(),
                        form.active(), form.version());
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
        model.addAttribute("form", new StaffFormData(null, unit, null, null, null, null, true, null));
        return staffView(null, model);
    }

    @PostMapping("/organization/staff/new")
    @PreAuthorize("hasRole('ADMIN')")
    String appoint(@Valid @ModelAttribute("form") StaffFormData form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                StaffView staff = organization.appoint(form.toForm(true, null));
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
    String changeStaff(@PathVariable long id, @Valid @ModelAttribute("form") StaffFormData form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        StaffView current = organization.staffMember(id)
                .orElseThrow(() -> ProblemException.notFound("organization.staff.not-found", id));
        if (!errors.hasErrors()) {
            try {
                StaffView staff = organization.changeStaff(id, form.toForm(form.active(), form.version()));
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
