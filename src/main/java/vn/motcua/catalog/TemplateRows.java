package vn.motcua.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.ProcedureTemplates.Template;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.VietnamTime;

/**
 * The form templates of procedure versions ({@code procedure_document_template}), by the document's name within its
 * version: Spring Data JDBC rewrites a version's document rows, new ids and all, whenever the version is saved
 * (edited, published, superseded, abolished), but a document keeps its name.
 */
@Component
class TemplateRows {

    private final JdbcClient jdbc;

    TemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The templates of a version, by document name: one statement (the public page of a procedure asks). */
    Map<String, Template> of(String code, int version) {
        Map<String, Template> templates = new LinkedHashMap<>();
        jdbc.sql("""
                select t.* from procedure_document_template t join procedure_version v on v.id = t.procedure_version_id
                where v.code = ? and v.version = ? order by t.document_name""")
                .params(code, version)
                .query((rs, n) -> Map.entry(rs.getString("document_name"), template(rs)))
                .list().forEach(e -> templates.put(e.getKey(), e.getValue()));
        return templates;
    }

    Optional<Template> find(long versionId, String documentName) {
        return jdbc.sql("select * from procedure_document_template where procedure_version_id = ? and document_name = ?")
                .params(versionId, documentName).query((rs, n) -> template(rs)).optional();
    }

    /** Stores the template of a document, replacing the one it had. */
    Template put(long versionId, String documentName, Uploads.Accepted file, String by, Instant at) {
        jdbc.sql("""
                insert into procedure_document_template (procedure_version_id, document_name, file_name, content_type,
                                                         size, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (procedure_version_id, document_name) do update set file_name = excluded.file_name,
                    content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
                    uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at""")
                .params(versionId, documentName, file.name(), file.contentType(), file.size(), file.sha256(), by,
                        Timestamp.from(at))
                .update();
        return new Template(file.name(), file.contentType(), file.size(), file.sha256(), by,
                at.atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    boolean remove(long versionId, String documentName) {
        return jdbc.sql("delete from procedure_document_template where procedure_version_id = ? and document_name = ?")
                .params(versionId, documentName).update() > 0;
    }

    /** After a draft was edited: the templates of documents it no longer has go. */
    void keepDocumentsOf(long versionId) {
        jdbc.sql("""
                delete from procedure_document_template t where t.procedure_version_id = ? and not exists (
                    select 1 from procedure_document d
                    where d.procedure_version_id = t.procedure_version_id and d.name = t.document_name)""")
                .param(versionId).update();
    }

    /** A new draft takes over the templates of the version it was drafted from, for the documents it kept. */
    void copy(long fromVersionId, long toVersionId) {
        jdbc.sql("""
                insert into procedure_document_template (procedure_version_id, document_name, file_name, content_type,
                                                         size, sha256, uploaded_by, uploaded_at)
                select ?, t.document_name, t.file_name, t.content_type, t.size, t.sha256, t.uploaded_by, t.uploaded_at
                from procedure_document_template t
                where t.procedure_version_id = ? and exists (
                    select 1 from procedure_document d where d.procedure_version_id = ? and d.name = t.document_name)
                on conflict do nothing""")
                .params(toVersionId, fromVersionId, toVersionId).update();
    }

    private static Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }
}
