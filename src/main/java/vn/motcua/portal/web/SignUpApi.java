package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Citizens.Registration;
import vn.motcua.portal.CodeSent;
import vn.motcua.portal.PasswordRecovery;
import vn.motcua.portal.SignUp;
import vn.motcua.shared.web.ApiDescription;

/**
 * Sign-up, activation and password recovery of citizens' accounts, open to anyone (a citizen has no account yet, or
 * cannot sign in): every call is rate-limited per client address and per login, and answers 429 with
 * {@code Retry-After} past a limit.
 */
@RestController
@RequestMapping("/api/public/citizens")
@Tag(name = "Citizen sign-up", description = "Đăng ký, kích hoạt tài khoản công dân, doanh nghiệp; lấy lại mật khẩu")
class SignUpApi {

    private final SignUp signUp;
    private final PasswordRecovery recovery;

    SignUpApi(SignUp signUp, PasswordRecovery recovery) {
        this.signUp = signUp;
        this.recovery = recovery;
    }

    /** Past a limit every call here answers 429; a code that expired or was tried too often is gone (410). */
    @Bean
    static OpenApiCustomizer signUpResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/public/citizens")) {
                item.readOperations().forEach(operation -> {
                    ApiDescription.document(operation, "429",
                            "Too many tries from this address or for this login: wait Retry-After seconds");
                    if (path.endsWith("/verify") || path.endsWith("/confirm")) {
                        ApiDescription.document(operation, "410",
                                "The code expired, or was tried too often: ask for a new one");
                    }
                });
            }
        });
    }

    record SignUpRequest(String fullName, String citizenId, LocalDate dateOfBirth, String phone, String email,
            String address, String organizationName, String taxCode, String password) {}

    record LoginRequest(String login) {}

    record CodeRequest(String login, String code) {}

    record ResetRequest(String login, String code, String newPassword) {}

    @PostMapping
    @PreAuthorize("permitAll()")
    @Operation(summary = "Open a citizen's or business's account: PENDING until the one-time code sent by e-mail "
            + "and SMS (to whichever were given) is confirmed; 409 when the phone number or address has an account")
    ResponseEntity<CodeSent> signUp(@RequestBody(required = false) SignUpRequest body, HttpServletRequest request) {
        SignUpRequest r = body == null ? new SignUpRequest(null, null, null, null, null, null, null, null, null) : body;
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(signUp.signUp(new Registration(r.fullName(),
                r.citizenId(), r.dateOfBirth(), r.phone(), r.email(), r.address(), r.organizationName(), r.taxCode()),
                r.password(), request.getRemoteAddr()));
    }

    @PostMapping("/verify")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Confirm the one-time code: the account becomes active and may sign in; a wrong code is a "
            + "400 naming the field code")
    ResponseEntity<Void> verify(@RequestBody(required = false) CodeRequest body, HttpServletRequest request) {
        CodeRequest r = body == null ? new CodeRequest(null, null) : body;
        signUp.verify(r.login(), r.code(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/resend")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A new activation code (the last one stops working), sent if the login has an account "
            + "waiting for it; answered alike for any login")
    ResponseEntity<CodeSent> resend(@RequestBody(required = false) LoginRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(signUp.resend(body == null ? null : body.login(), request.getRemoteAddr()));
    }

    @PostMapping("/password-reset")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Forgotten password: a one-time code sent to the active account of the login, if there is "
            + "one; answered alike for any login")
    ResponseEntity<CodeSent> requestReset(@RequestBody(required = false) LoginRequest body,
            HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(recovery.request(body == null ? null : body.login(), request.getRemoteAddr()));
    }

    @PostMapping("/password-reset/confirm")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Set a new password with the code (same policy as every password): the account's tokens are "
            + "revoked and its sessions end")
    ResponseEntity<Void> confirmReset(@RequestBody(required = false) ResetRequest body, HttpServletRequest request) {
        ResetRequest r = body == null ? new ResetRequest(null, null, null) : body;
        recovery.confirm(r.login(), r.code(), r.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
