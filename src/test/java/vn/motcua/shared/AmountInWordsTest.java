package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | Không đồng
            1             | Một đồng
            5             | Năm đồng
            10            | Mười đồng
            11            | Mười một đồng
            14            | Mười bốn đồng
            15            | Mười lăm đồng
            20            | Hai mươi đồng
            21            | Hai mươi mốt đồng
            24            | Hai mươi bốn đồng
            25            | Hai mươi lăm đồng
            100           | Một trăm đồng
            101           | Một trăm linh một đồng
            105           | Một trăm linh năm đồng
            110           | Một trăm mười đồng
            115           | Một trăm mười lăm đồng
            1001          | Một nghìn không trăm linh một đồng
            1010          | Một nghìn không trăm mười đồng
            15000         | Mười lăm nghìn đồng
            21000         | Hai mươi mốt nghìn đồng
            25000         | Hai mươi lăm nghìn đồng
            50000         | Năm mươi nghìn đồng
            105000        | Một trăm linh năm nghìn đồng
            1000000       | Một triệu đồng
            1004000       | Một triệu không trăm linh bốn nghìn đồng
            1000500       | Một triệu năm trăm đồng
            1000050       | Một triệu không trăm năm mươi đồng
            1500000       | Một triệu năm trăm nghìn đồng
            1000000000    | Một tỷ đồng
            2005000000    | Hai tỷ không trăm linh năm triệu đồng
            1000000000000 | Một nghìn tỷ đồng
            """)
    void an_amount_is_read_the_usual_vietnamese_way(long amount, String words) {
        assertThat(AmountInWords.of(amount)).isEqualTo(words);
    }

    @Test
    void the_largest_amount_a_long_holds_is_still_read() {
        // 9 223 372 036 854 775 807: the part above a tỷ is itself read with its tỷ.
        assertThat(AmountInWords.of(Long.MAX_VALUE)).isEqualTo("Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi "
                + "hai nghìn không trăm ba mươi sáu tỷ tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm "
                + "linh bảy đồng");
    }

    @Test
    void a_negative_amount_is_refused() {
        assertThatThrownBy(() -> AmountInWords.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
