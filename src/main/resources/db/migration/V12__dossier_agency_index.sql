-- No query filters dossiers by their receiving agency alone: scopes read route_agencies (GIN) and the desk reads
-- desk_unit_code. The index only cost every change of a dossier one more index entry (dossier updates are not
-- HOT: the queue's columns change), about 290 bytes of WAL per dossier lifecycle.
drop index if exists dossier_agency;
