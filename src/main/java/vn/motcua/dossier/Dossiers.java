package vn.motcua.dossier;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Dossiers extends ListCrudRepository<Dossier, Long> {

    Optional<Dossier> findByCode(String code);
}
