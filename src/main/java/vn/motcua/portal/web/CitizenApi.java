package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.CitizenTokens;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.CodeSent;
import vn.motcua.portal.ContactChange;

/** The signed-in citizen's own account: profile, contact, password and bearer tokens for their programs. */
@RestController
@RequestMapping("/api/citizen/v1/me")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Citizen", description = "Tài khoản công dân, doanh nghiệp")
class CitizenApi {

    private final CitizenTokens tokens;
    private final Citizens citizens;
    private final ContactChange contactChange;

    CitizenApi(CitizenTokens tokens, Citizens citizens, ContactChange contactChange) {
        this.tokens = tokens;
        this.citizens = citizens;
        this.contactChange = contactChange;
    }

    @GetMapping
    @Operation(summary = "The signed-in citizen's profile, which pre-fills every form")
    CitizenUser me(CitizenUser citizen) {
        return citizen;
    }

    @PutMapping
    @Operation(summary = "Change the profile: address, date of birth, organisation and tax code (each left out is "
            + "cleared); the name, citizen ID, phone and e-mail stay as they were proven")
    CitizenUser changeProfile(CitizenUser citizen, @RequestBody(required = false) Citizens.Profile profile) {
        return citizens.changeProfile(citizen.id(), profile);
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    @PostMapping("/password")
    @Operation(summary = "Change one's own password (policy: ≥ 10 characters, cases, digit, symbol); the account's "
            + "other tokens are revoked (a token making the call keeps working) and its sessions end")
    ResponseEntity<Void> changePassword(CitizenUser citizen, @RequestBody(required = false) PasswordChange change) {
        PasswordChange c = change == null ? new PasswordChange(null, null) : change;
        citizens.changePassword(citizen.id(), c.currentPassword(), c.newPassword());
        return ResponseEntity.noContent().build();
    }

    record ContactRequest(String phone, String email, String currentPassword) {}

    @PostMapping("/contact")
    @Operation(summary = "Change the phone number or the e-mail address (one of the two; the current password "
            + "proves the owner): 202, and a one-time code is sent to the new one alone; 409 if an active account "
            + "holds it; rate-limited as the sign-up")
    ResponseEntity<CodeSent> requestContactChange(CitizenUser citizen, HttpServletRequest http,
            @RequestBody(required = false) ContactRequest request) {
        ContactRequest r = request == null ? new ContactRequest(null, null, null) : request;
        return ResponseEntity.accepted().body(contactChange.request(citizen, r.phone(), r.email(), r.currentPassword(),
                http.getRemoteAddr()));
    }

    record ContactCode(String code) {}

    @PostMapping("/contact/verify")
    @Operation(summary = "Confirm the new phone number or e-mail address with the code sent to it: the account signs "
            + "in with it from now on, and the one it replaces is told; a wrong code is a 400, an expired or spent "
            + "one 410")
    CitizenUser confirmContactChange(CitizenUser citizen, HttpServletRequest http,
            @RequestBody(required = false) ContactCode code) {
        return contactChange.confirm(citizen, code == null ? null : code.code(), http.getRemoteAddr());
    }

    record TokenRequest(String name, Integer days) {}

    @PostMapping("/tokens")
    @Operation(summary = "Issue a bearer token for the citizen's program (shown once; send as Authorization: "
            + "Bearer …); with the password (HTTP Basic) only")
    ResponseEntity<ApiTokens.Issued> issueToken(CitizenUser citizen, @RequestBody TokenRequest request) {
        return ResponseEntity.status(201).body(tokens.issue(citizen.id(), request.name(), request.days()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "The citizen's tokens (never the secrets)")
    List<ApiTokens.TokenView> tokens(CitizenUser citizen) {
        return tokens.tokens(citizen.id());
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of the citizen's tokens")
    ResponseEntity<Void> revokeToken(CitizenUser citizen, @PathVariable long id) {
        tokens.revoke(citizen.id(), id);
        return ResponseEntity.noContent().build();
    }
}
