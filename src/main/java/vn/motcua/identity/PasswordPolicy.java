package vn.motcua.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Rules for a new password, after the information-security rules of a provincial office: at least 10
 * characters with upper and lower case letters, a digit and a symbol, not containing the user name.
 * Returns message keys of what is missing, empty when the password is acceptable.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("identity.password.too-short");
            if (password == null) {
                return problems;
            }
        }
        // BCrypt takes at most 72 bytes, and a Vietnamese letter with diacritics takes two or three in UTF-8.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("identity.password.too-long");
        }
        if (password.chars().noneMatch(Character::isUpperCase) || password.chars().noneMatch(Character::isLowerCase)) {
            problems.add("identity.password.needs-cases");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            problems.add("identity.password.needs-digit");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            problems.add("identity.password.needs-symbol");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("identity.password.contains-username");
        }
        return problems;
    }
}
