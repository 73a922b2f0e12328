package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;

interface Procedures extends ListCrudRepository<Procedure, Long> {

    Optional<Procedure> findByCodeAndStatus(String code, ProcedureStatus status);

    Optional<Procedure> findByCodeAndVersion(String code, int version);

    List<Procedure> findByCodeOrderByVersionDesc(String code);

    boolean existsByCode(String code);

    @Query("select coalesce(max(version), 0) from procedure_version where code = :code")
    int lastVersion(String code);
}
