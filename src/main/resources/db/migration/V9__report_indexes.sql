-- Records: the statutory statistics and the tracking book read by period across agencies (administrators)
-- or by route_agencies (leaders, monitors).
create index dossier_report_accepted on dossier (accepted_at) where accepted_at is not null;
create index dossier_report_resolved on dossier ((coalesce(result_ready_at, closed_at)))
    where accepted_at is not null;
create index dossier_report_unresolved on dossier (accepted_at)
    where accepted_at is not null and result_ready_at is null and closed_at is null;
