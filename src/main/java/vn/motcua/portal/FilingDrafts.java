package vn.motcua.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.IntakeRequest.Person;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.shared.ProblemException;

/**
 * Reads and writes drafts. The draft row carries a version (a concurrent change answers 409); its files are inserted
 * and deleted one by one; the applicant and the representative are JSON, in the shape the desk receives, written only
 * when they change. A draft is read with its files in one statement.
 */
@Repository
class FilingDrafts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FilingDrafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The draft's columns and its files', one row per file (none: one row with {@code file_id} null). */
    private static final String WITH_FILES = """
            select d.*, f.id as file_id, f.document_id, f.name, f.size, f.content_type, f.sha256, f.uploaded_at
            from %s d left join filing_draft_file f on f.draft_id = d.id
            order by %s f.id""";

    /** The citizen's draft with its files, in one statement; another account's reads as unknown. */
    Optional<FilingDraft> find(long citizen, long id) {
        return jdbc.sql(WITH_FILES.formatted("(select * from filing_draft where id = ? and citizen = ?)", ""))
                .params(id, citizen).query(this::drafts).stream().findFirst();
    }

    /** The citizen's drafts not yet submitted, the last changed first, with their files: one statement. */
    List<FilingDraft> open(long citizen) {
        return jdbc.sql(WITH_FILES.formatted("""
                (select * from filing_draft where citizen = ? and submitted_at is null
                order by updated_at desc, id desc limit 100)""", "d.updated_at desc, d.id desc,"))
                .param(citizen).query(this::drafts);
    }

    /**
     * Inserts a new draft (its id is set), or updates a loaded one under its version: who files and how the result
     * comes back only when {@link FilingDraft#describe} changed them; new files inserted, detached ones deleted.
     */
    void save(FilingDraft draft) {
        if (draft.id == null) {
            draft.id = jdbc.sql("""
                    insert into filing_draft (citizen, procedure_code, procedure_version, applicant, representative,
                        return_method, created_at, updated_at)
                    values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?) returning id""")
                    .params(draft.citizen, draft.procedureCode, draft.procedureVersion, write(draft.applicant),
                            write(draft.representative), draft.returnMethod.name(), time(draft.createdAt),
                            time(draft.updatedAt))
                    .query(Long.class).single();
        } else {
            int updated = draft.described ? jdbc.sql("""
                    update filing_draft set applicant = cast(? as jsonb), representative = cast(? as jsonb),
                        return_method = ?, updated_at = ?, lock_version = lock_version + 1
                    where id = ? and lock_version = ?""")
                    .params(write(draft.applicant), write(draft.representative), draft.returnMethod.name(),
                            time(draft.updatedAt), draft.id, draft.lockVersion)
                    .update()
                    : jdbc.sql("update filing_draft set updated_at = ?, lock_version = lock_version + 1 "
                            + "where id = ? and lock_version = ?")
                    .params(time(draft.updatedAt), draft.id, draft.lockVersion).update();
            if (updated == 0) {
                throw ProblemException.conflict("portal.filing.changed", draft.id);
            }
            draft.lockVersion++;
        }
        draft.described = false;
        for (int i = 0; i < draft.files.size(); i++) {
            FilingDraft.File file = draft.files.get(i);
            if (file.id() == null) {
                long id = jdbc.sql("""
                        insert into filing_draft_file (draft_id, document_id, name, size, content_type, sha256,
                            uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                        .params(draft.id, file.documentId(), file.name(), file.size(), file.contentType(),
                                file.sha256(), time(file.uploadedAt()))
                        .query(Long.class).single();
                draft.files.set(i, new FilingDraft.File(id, file.documentId(), file.name(), file.size(),
                        file.contentType(), file.sha256(), file.uploadedAt()));
            }
        }
        if (!draft.detached.isEmpty()) {
            jdbc.sql("delete from filing_draft_file where draft_id = ? and id = any(?)")
                    .params(draft.id, draft.detached.toArray(Long[]::new)).update();
            draft.detached.clear();
        }
    }

    /**
     * Records that the draft became the dossier {@link FilingDraft#submitted} names, unless it was submitted meanwhile:
     * then false. Not under the draft's version: a file attached while the submission ran does not undo it (the
     * dossier was registered with the files read before), the draft only becomes the dossier's.
     */
    boolean saveSubmitted(FilingDraft draft) {
        boolean saved = jdbc.sql("""
                update filing_draft set submitted_at = ?, dossier_code = ?, submit_key = ?, updated_at = ?,
                    lock_version = lock_version + 1
                where id = ? and submitted_at is null""")
                .params(time(draft.submittedAt), draft.dossierCode, draft.submitKey, time(draft.updatedAt), draft.id)
                .update() > 0;
        if (saved) {
            draft.lockVersion++;
        }
        return saved;
    }

    void delete(FilingDraft draft) {
        jdbc.sql("delete from filing_draft where id = ? and submitted_at is null").param(draft.id).update();
    }

    /** Drafts from rows of {@link #WITH_FILES}, in their order. */
    private List<FilingDraft> drafts(ResultSet rs) throws SQLException {
        Map<Long, FilingDraft> drafts = new LinkedHashMap<>();
        while (rs.next()) {
            FilingDraft draft = drafts.get(rs.getLong("id"));
            if (draft == null) {
                draft = restore(rs, List.of());
                drafts.put(draft.id, draft);
            }
            long file = rs.getLong("file_id");
            if (!rs.wasNull()) {
                draft.files.add(new FilingDraft.File(file, rs.getLong("document_id"), rs.getString("name"),
                        rs.getLong("size"), rs.getString("content_type"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()));
            }
        }
        return new ArrayList<>(drafts.values());
    }

    private FilingDraft restore(ResultSet rs, List<FilingDraft.File> files) throws SQLException {
        return new FilingDraft(rs.getLong("id"), rs.getLong("citizen"), rs.getString("procedure_code"),
                rs.getInt("procedure_version"), read(rs.getString("applicant")), read(rs.getString("representative")),
                ReturnMethod.valueOf(rs.getString("return_method")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("submitted_at")),
                rs.getString("dossier_code"), rs.getString("submit_key"), rs.getInt("lock_version"), files);
    }

    private String write(Person person) {
        return person == null ? null : json.writeValueAsString(person);
    }

    private Person read(String text) {
        return text == null ? null : json.readValue(text, Person.class);
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
