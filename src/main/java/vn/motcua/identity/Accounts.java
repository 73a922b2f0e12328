package vn.motcua.identity;

import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, String> {}
