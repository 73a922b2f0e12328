package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.VietnamTime;

/**
 * How the tracking book (sổ theo dõi hồ sơ, Circular 03/2025/TT-VPCP Annex I) is numbered, the one rule the
 * receipt (Form 01: "Quyển số … Số thứ tự …") and the book itself follow. The law keeps one book per field; the
 * desk opens a new one each calendar year (Vietnam time), so a book is a desk's field in a year and its number
 * is the year. A dossier enters its book when it is accepted (received complete): its line is its order of
 * acceptance in the book, by time and then by registration. Refused dossiers and dossiers never accepted have
 * no line.
 */
@Component
public class TrackingBooks {

    /** The year of the book of each {@code dossier} row (an SQL expression). */
    public static final String BOOK = "extract(year from accepted_at at time zone '" + VietnamTime.ZONE.getId()
            + "')::int";
    /**
     * The line of each {@code dossier} row in its book (an SQL window expression). It counts the rows the query
     * reads, so the query must read every accepted dossier of the books it numbers, from the start of their year
     * ({@link #start(LocalDate)}), before it narrows down to what it shows.
     */
    public static final String LINE = "row_number() over (partition by desk_unit_code, field, " + BOOK
            + " order by accepted_at, id)";

    /** A dossier's place in the books: the book (its year) and the line. */
    public record Line(int book, int line) {}

    private final JdbcClient jdbc;

    TrackingBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The line of the dossier {@code code}, if it was accepted. */
    public Optional<Line> line(String code) {
        return jdbc.sql("""
                select d.accepted_at,
                       (select count(*) from dossier b
                        where b.desk_unit_code = d.desk_unit_code and b.field = d.field
                          and b.accepted_at >= date_trunc('year', d.accepted_at at time zone :zone) at time zone :zone
                          and (b.accepted_at, b.id) <= (d.accepted_at, d.id)) as line
                from dossier d where d.code = :code and d.accepted_at is not null""")
                .param("zone", VietnamTime.ZONE.getId())
                .param("code", code)
                .query((rs, n) -> new Line(rs.getTimestamp("accepted_at").toInstant().atZone(VietnamTime.ZONE).getYear(),
                        rs.getInt("line")))
                .optional();
    }

    /** The first instant of the book that a dossier accepted on {@code day} belongs to: 1 January, 00:00. */
    public static Timestamp start(LocalDate day) {
        Instant start = day.withDayOfYear(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        return Timestamp.from(start);
    }
}
