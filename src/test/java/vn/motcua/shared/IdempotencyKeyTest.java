package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void no_key_and_a_key_of_the_longest_length_pass_as_sent() {
        assertThat(IdempotencyKey.checked(null)).isNull();
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);
        assertThat(IdempotencyKey.checked(longest)).isEqualTo(longest);
    }

    @Test
    void a_blank_or_too_long_key_is_refused_naming_the_header() {
        for (String key : new String[] {" ", "k".repeat(IdempotencyKey.MAX_LENGTH + 1)}) {
            ProblemException refused = catchThrowableOfType(ProblemException.class, () -> IdempotencyKey.checked(key));
            assertThat(refused.errors()).extracting(ProblemException.FieldError::field)
                    .containsExactly("Idempotency-Key");
        }
    }
}
