package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PageTest {

    @Test
    void the_first_page_of_the_largest_size_may_be_asked_for() {
        assertThatCode(() -> Page.checkRequest(0, Page.MAX_SIZE)).doesNotThrowAnyException();
    }

    @Test
    void a_page_larger_than_the_maximum_is_refused_naming_size() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> Page.checkRequest(0, Page.MAX_SIZE + 1));
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.errors()).extracting(ProblemException.FieldError::field).containsExactly("size");
    }

    @Test
    void a_negative_or_huge_page_number_is_refused_naming_page() {
        for (int page : new int[] {-1, Page.MAX_PAGE + 1}) {
            ProblemException refused = catchThrowableOfType(ProblemException.class, () -> Page.checkRequest(page, 20));
            assertThat(refused.errors()).extracting(ProblemException.FieldError::field).containsExactly("page");
        }
    }
}
