package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.CitizenTokens;
import vn.motcua.identity.Citizens.CitizenUser;

/** The signed-in citizen's own account: profile and bearer tokens for their programs. */
@RestController
@RequestMapping("/api/citizen/v1/me")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Citizen", description = "Tài khoản công dân, doanh nghiệp")
class CitizenApi {

    private final CitizenTokens tokens;

    CitizenApi(CitizenTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The signed-in citizen's profile, which pre-fills every form")
    CitizenUser me(CitizenUser citizen) {
        return citizen;
    }

    record TokenRequest(String name, Integer days) {}

    @PostMapping("/tokens")
    @Operation(summary = "Issue a bearer token for the citizen's program (shown once; send as Authorization: Bearer …)")
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
