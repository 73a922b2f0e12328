-- Indexes no query can use, each written on every change of a dossier (its updates are not HOT: the columns of
-- the work queue's index change at every step):
-- * dossier_agency: no query filters dossiers by their receiving agency alone (scopes read route_agencies, the
--   desk reads desk_unit_code);
-- * the two GIN indexes on route_units and route_agencies: the scopes test membership with "= any(array)",
--   which a GIN index does not serve (it serves @> and &&). Together they were about 1.6 KB of WAL per dossier
--   lifecycle (scripts/benchmark-lifecycle-cost.sh). A scope that needs an index gets one that it uses.
drop index if exists dossier_agency;
drop index if exists dossier_route_units;
drop index if exists dossier_route_agencies;

-- The statistics read dossiers resolved in or after a period through this index; a dossier without a result
-- yet has no entry to read (its key is null), so it is no longer written one at each of its changes.
drop index if exists dossier_report_resolved;
create index dossier_report_resolved on dossier ((coalesce(result_ready_at, closed_at)))
    where accepted_at is not null and coalesce(result_ready_at, closed_at) is not null;
