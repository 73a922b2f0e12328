package vn.motcua.organization;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface Agencies extends ListCrudRepository<Agency, String> {}

interface Units extends ListCrudRepository<Unit, String> {

    List<Unit> findByAgencyCodeOrderBySortOrder(String agencyCode);
}

interface StaffMembers extends ListCrudRepository<Staff, Long>, PagingAndSortingRepository<Staff, Long> {}
