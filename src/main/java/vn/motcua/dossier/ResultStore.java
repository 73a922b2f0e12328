package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierResults.PublicCheck;
import vn.motcua.dossier.DossierResults.Result;
import vn.motcua.shared.VietnamTime;

/** The electronic results of dossiers ({@code dossier_result}). */
@Component
class ResultStore {

    private static final String COLUMNS = "r.id, r.result_code, r.name, r.file_name, r.size, r.sha256, r.issued_at, "
            + "r.issued_by";

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code no result carries yet (the unique key stays the guarantee). */
    String freshCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = ResultCodes.next();
            if (!jdbc.sql("select exists (select 1 from dossier_result where result_code = ?)").param(code)
                    .query(Boolean.class).single()) {
                return code;
            }
        }
        throw new IllegalStateException("No free result code after 5 draws: is the random source broken?");
    }

    /** Stored: the file served ({@code sha256}, {@code size}) and the PDF as uploaded ({@code originalSha256}). */
    Result insert(long dossierId, String code, String name, String fileName, long size, String sha256,
            String originalSha256, String agencyName, String by, Instant at) {
        long id = jdbc.sql("""
                insert into dossier_result (dossier_id, result_code, name, file_name, size, sha256, original_sha256,
                                            agency_name, issued_by, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, code, name, fileName, size, sha256, originalSha256, agencyName, by, Timestamp.from(at))
                .query(Long.class).single();
        return new Result(id, code, name, fileName, size, sha256, time(at), by);
    }

    /** Whether the dossier has an electronic result (the national dashboard's "kết quả điện tử"). */
    boolean issued(long dossierId) {
        return jdbc.sql("select exists (select 1 from dossier_result where dossier_id = ?)").param(dossierId)
                .query(Boolean.class).single();
    }

    List<Result> of(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from dossier_result r join dossier d on d.id = r.dossier_id"
                        + " where d.code = ? order by r.id")
                .param(dossierCode).query((rs, n) -> result(rs)).list();
    }

    Optional<Result> find(String dossierCode, long id) {
        return jdbc.sql("select " + COLUMNS + " from dossier_result r join dossier d on d.id = r.dossier_id"
                        + " where d.code = ? and r.id = ?")
                .params(dossierCode, id).query((rs, n) -> result(rs)).optional();
    }

    /** What the public check shows of a result: one statement, no transaction. */
    Optional<PublicCheck> check(String resultCode) {
        return jdbc.sql("""
                select r.result_code, d.code, d.procedure_name, r.agency_name, r.issued_at, r.sha256
                from dossier_result r join dossier d on d.id = r.dossier_id where r.result_code = ?""")
                .param(resultCode)
                .query((rs, n) -> new PublicCheck(rs.getString(1), ResultCodes.masked(rs.getString(2)),
                        rs.getString(3), rs.getString(4), time(rs.getTimestamp(5).toInstant()), rs.getString(6)))
                .optional();
    }

    private static Result result(ResultSet rs) throws SQLException {
        return new Result(rs.getLong("id"), rs.getString("result_code"), rs.getString("name"),
                rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"),
                time(rs.getTimestamp("issued_at").toInstant()), rs.getString("issued_by"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
