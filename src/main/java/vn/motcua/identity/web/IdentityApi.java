package vn.motcua.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.AuditLog;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Tài khoản, nhật ký")
class IdentityApi {

    private final Identity identity;
    private final AuditLog audit;
    private final ApiTokens tokens;

    IdentityApi(Identity identity, AuditLog audit, ApiTokens tokens) {
        this.identity = identity;
        this.audit = audit;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller: user name, full name, roles, unit and agency")
    StaffUser me(StaffUser caller) {
        return caller;
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    @PostMapping("/me/password")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change one's own password (policy: ≥ 10 characters, cases, digit, symbol); the account's "
            + "other tokens are revoked (a token making the call keeps working) and its sessions end")
    ResponseEntity<Void> changePassword(Principal principal, @RequestBody PasswordChange change) {
        identity.changePassword(principal.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    record NewAccount(String username, String fullName, String password, String unitCode, java.util.Set<Role> roles) {}

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every staff account with its unit and roles (administrators)")
    List<StaffUser> accounts() {
        return identity.accounts();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Open a staff account (administrators); the password must follow the policy")
    ResponseEntity<StaffUser> open(@RequestBody NewAccount account) {
        StaffUser opened = identity.open(account.username(), account.fullName() == null ? null
                : vn.motcua.shared.VietnameseText.normalize(account.fullName()), account.password(),
                account.unitCode(), account.roles());
        return ResponseEntity.created(java.net.URI.create("/api/v1/accounts/" + opened.username())).body(opened);
    }

    record AccountChange(String unitCode, java.util.Set<Role> roles, Boolean enabled) {}

    @org.springframework.web.bind.annotation.PutMapping("/accounts/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Move a staff account to another unit, change its roles, deactivate or reactivate it "
            + "(administrators; omitted fields stay as they are)")
    StaffUser change(Principal principal, @org.springframework.web.bind.annotation.PathVariable String username,
            @RequestBody AccountChange change) {
        return identity.change(username, change.unitCode(), change.roles(), change.enabled(), principal.getName());
    }

    @PostMapping("/accounts/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate an account (administrators): its sessions and tokens stop at once; it is kept, "
            + "as the history names it")
    StaffUser disable(Principal principal, @org.springframework.web.bind.annotation.PathVariable String username) {
        return identity.change(username, null, null, false, principal.getName());
    }

    @PostMapping("/accounts/{username}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reactivate an account (administrators)")
    StaffUser enable(Principal principal, @org.springframework.web.bind.annotation.PathVariable String username) {
        return identity.change(username, null, null, true, principal.getName());
    }

    @org.springframework.web.bind.annotation.PutMapping("/accounts/{username}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Give an account these roles, replacing its roles (administrators)")
    StaffUser roles(Principal principal, @org.springframework.web.bind.annotation.PathVariable String username,
            @RequestBody java.util.Set<Role> roles) {
        if (roles == null) {
            throw vn.motcua.shared.ProblemException.invalid("roles", "identity.roles.required");
        }
        return identity.change(username, null, roles, null, principal.getName());
    }

    record OneTimePassword(String username, String oneTimePassword) {}

    @PostMapping("/accounts/{username}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a one-time password (administrators): shown once, to hand over; the owner must change "
            + "it at the next sign-in; the account's tokens are revoked and its sessions end")
    OneTimePassword resetPassword(Principal principal,
            @org.springframework.web.bind.annotation.PathVariable String username) {
        return new OneTimePassword(username, identity.resetPassword(username, principal.getName()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/accounts/{username}/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revoke every API token of an account (administrators)")
    ResponseEntity<Void> revokeTokens(Principal principal,
            @org.springframework.web.bind.annotation.PathVariable String username) {
        identity.revokeTokens(username, principal.getName());
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(String name, Integer days) {}

    @PostMapping("/me/tokens")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Issue a bearer API token for the caller (shown once; send as Authorization: Bearer …); "
            + "with the password (HTTP Basic) only")
    ResponseEntity<ApiTokens.Issued> issueToken(Principal principal, @RequestBody TokenRequest request) {
        return ResponseEntity.status(201).body(tokens.issue(principal.getName(), request.name(), request.days()));
    }

    @GetMapping("/me/tokens")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's API tokens (never the secrets)")
    List<ApiTokens.TokenView> tokens(Principal principal) {
        return tokens.tokens(principal.getName());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me/tokens/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Revoke one of the caller's API tokens")
    ResponseEntity<Void> revokeToken(Principal principal, @org.springframework.web.bind.annotation.PathVariable long id) {
        tokens.revoke(principal.getName(), id);
        return ResponseEntity.noContent().build();
    }

    record AuditPage(List<AuditLog.Entry> items, long total, int page, int size) {}

    @GetMapping("/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Audit log entries, newest first")
    AuditPage audit(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Page<AuditLog.Entry> entries = audit.entries(PageRequest.of(page, size));
        return new AuditPage(entries.getContent(), entries.getTotalElements(), page, size);
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Recompute the hash chain of the whole audit log")
    Map<String, Object> verify() {
        AuditLog.Verification v = audit.verify();
        return v.firstBrokenId() == null
                ? Map.of("valid", v.valid(), "entries", v.entries())
                : Map.of("valid", v.valid(), "entries", v.entries(), "firstBrokenId", v.firstBrokenId());
    }
}
