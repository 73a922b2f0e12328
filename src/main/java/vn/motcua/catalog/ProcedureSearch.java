package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnameseText;

/**
 * Search as people type it: case and diacritics ignored ({@code dang ky} finds {@code Đăng ký}), every
 * word of the query must start a word of the name or of the code, names matching ranked before codes.
 * Names are stored as folded tokens, so the query is a few LIKEs on one short column; punctuation in the
 * query is a separator, never SQL.
 */
@Component
class ProcedureSearch {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_WORDS = 10;

    private final JdbcClient jdbc;

    ProcedureSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lower-case ASCII words separated by single spaces: what the name is matched on. */
    static String tokens(String text) {
        return VietnameseText.fold(text).replaceAll("[^a-z0-9]+", " ").strip();
    }

    Page<Catalog.Summary> search(String query, String field, OnlineLevel level, ProcedureStatus status,
            boolean latestOfEachCode, int page, int size) {
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalid("q", "catalog.search.too-long", MAX_QUERY_LENGTH);
        }
        String folded = tokens(query);
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status.name());
        }
        if (field != null && !field.isBlank()) {
            where.append(" and p.field = :field");
            params.put("field", VietnameseText.normalize(field));
        }
        if (level != null) {
            where.append(" and p.online_level = :level");
            params.put("level", level.name());
        }
        List<String> inName = new ArrayList<>();
        for (int i = 0; i < words.length && i < MAX_WORDS; i++) {
            String nameLike = "(' ' || p.search_name) like :w" + i;
            String codeLike = "(' ' || lower(replace(p.code, '.', ' '))) like :w" + i;
            where.append(" and (").append(nameLike).append(" or ").append(codeLike).append(')');
            inName.add(nameLike);
            params.put("w" + i, "% " + words[i] + "%");
        }
        String rank = inName.isEmpty() ? "true" : String.join(" and ", inName);
        String from = latestOfEachCode
                ? " from (select distinct on (code) * from procedure_version order by code, version desc) p"
                : " from procedure_version p";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Catalog.Summary> items = jdbc.sql("select p.code, p.name, p.field, p.agency_name, p.time_limit_amount,"
                        + " p.time_limit_unit, p.online_level, p.status, p.version, (" + rank + ") as name_match"
                        + from + where + " order by name_match desc, p.search_name, p.code limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Catalog.Summary(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                        rs.getString("agency_name"),
                        new TimeLimit(rs.getInt("time_limit_amount"), TimeUnit.valueOf(rs.getString("time_limit_unit"))),
                        OnlineLevel.valueOf(rs.getString("online_level")),
                        ProcedureStatus.valueOf(rs.getString("status")), rs.getInt("version")))
                .list();
        return new Page<>(items, total, page, size);
    }

    List<Catalog.FieldCount> fields() {
        return jdbc.sql("""
                select field, count(*) from procedure_version where status = 'PUBLISHED'
                group by field order by field""")
                .query((rs, n) -> new Catalog.FieldCount(rs.getString(1), rs.getLong(2))).list();
    }
}
