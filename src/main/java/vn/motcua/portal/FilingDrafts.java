package vn.motcua.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.IntakeRequest.Person;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.shared.ProblemException;

/**
 * Reads and writes drafts. The draft row carries a version (a concurrent change answers 409); its files are inserted
 * and deleted one by one; the applicant and the representative are JSON, in the shape the desk receives.
 */
@Repository
class FilingDrafts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FilingDrafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The citizen's draft; another account's reads as unknown. */
    Optional<FilingDraft> find(long citizen, long id) {
        return jdbc.sql("select * from filing_draft where id = ? and citizen = ?").params(id, citizen)
                .query((rs, n) -> restore(rs, files(rs.getLong("id")))).optional();
    }

    /** The citizen's drafts not yet submitted, the last changed first. */
    List<FilingDraft> open(long citizen) {
        return jdbc.sql("""
                select * from filing_draft where citizen = ? and submitted_at is null
                order by updated_at desc, id desc limit 100""")
                .param(citizen).query((rs, n) -> restore(rs, files(rs.getLong("id")))).list();
    }

    /** Inserts a new draft (its id is set) or updates a loaded one under its version; new files are inserted. */
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
            int updated = jdbc.sql("""
                    update filing_draft set applicant = cast(? as jsonb), representative = cast(? as jsonb),
                        return_method = ?, updated_at = ?, submitted_at = ?, dossier_code = ?, submit_key = ?,
                        lock_version = lock_version + 1
                    where id = ? and lock_version = ?""")
                    .params(write(draft.applicant), write(draft.representative), draft.returnMethod.name(),
                            time(draft.updatedAt), time(draft.submittedAt), draft.dossierCode, draft.submitKey,
                            draft.id, draft.lockVersion)
                    .update();
            if (updated == 0) {
                throw ProblemException.conflict("portal.filing.changed", draft.id);
            }
            draft.lockVersion++;
        }
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
        jdbc.sql("delete from filing_draft_file where draft_id = ? and not (id = any(?))")
                .params(draft.id, draft.files.stream().map(FilingDraft.File::id).toArray(Long[]::new)).update();
    }

    void delete(FilingDraft draft) {
        jdbc.sql("delete from filing_draft where id = ? and submitted_at is null").param(draft.id).update();
    }

    private List<FilingDraft.File> files(long draftId) {
        return jdbc.sql("select * from filing_draft_file where draft_id = ? order by id").param(draftId)
                .query((rs, n) -> new FilingDraft.File(rs.getLong("id"), rs.getLong("document_id"),
                        rs.getString("name"), rs.getLong("size"), rs.getString("content_type"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
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
