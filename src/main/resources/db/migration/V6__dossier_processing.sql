-- dossier processing: the internal process step by step, deadlines, supplements, apologies, results.
alter table dossier
    add column field                 varchar(150),   -- the procedure's field (lĩnh vực), for the tracking book and statistics
    add column current_step          integer,        -- order of the process step the dossier waits at (1 = intake)
    add column step_unit_code        varchar(50),    -- the unit whose queue holds it
    add column step_role             varchar(20),    -- the role that acts on the step
    add column step_started_at       timestamptz,
    add column step_due_at           timestamptz,
    add column original_due_at       timestamptz,    -- the due time before an apology (Form 04) reset it
    add column apology_reason        text,
    add column apologized_at         timestamptz,
    add column processing_supplement_items text,     -- JSON: the one supplement request allowed during processing
    add column waiting_since         timestamptz,    -- waiting for the applicant's supplement
    add column paused_seconds        bigint  not null default 0, -- working time spent waiting (PAUSE policy)
    add column result_ready_at       timestamptz,
    add column timeliness            varchar(10),    -- EARLY, ON_TIME, LATE: judged when the result is ready
    add column closed_at             timestamptz,    -- stopped (8) or withdrawn (7)
    add column closing_reason        text,
    add column returned_at           timestamptz,
    add column return_method         varchar(10),    -- DIRECT, POSTAL, ONLINE
    add column overdue_noticed_at    timestamptz,    -- the overdue job marked it (once)
    add column reminded_at           timestamptz;    -- the due-soon reminder went to the unit (once)

update dossier d set field = p.field
from procedure_version p where p.code = d.procedure_code and p.version = d.procedure_version;
update dossier set field = '' where field is null;
alter table dossier alter column field set not null;

update dossier set current_step = 1, step_unit_code = desk_unit_code, step_role = 'RECEPTION',
                   step_started_at = received_at
where status in ('NEW', 'SUPPLEMENT_REQUESTED', 'ACCEPTED');

-- The work queues: only dossiers someone can act on, ordered by the nearer of the step's and the dossier's due.
create index dossier_queue on dossier (step_unit_code, (least(step_due_at, due_at)))
    where status_code in (1, 2, 4, 9);

-- The process control slip (Form 05): one row per hand-over, judged against the step's own due time.
create table dossier_handover (
    dossier_id    bigint       not null references dossier (id) on delete cascade,
    position      integer      not null,
    step          integer      not null,             -- the step handed over (its order in the process)
    step_name     varchar(500) not null,
    action        varchar(20)  not null,             -- HANDOVER, SEND_BACK, RESULT_READY, RETURNED
    from_unit     varchar(50)  not null,
    to_unit       varchar(50),
    at            timestamptz  not null,
    by_user       varchar(50)  not null,
    step_due_at   timestamptz,
    timeliness    varchar(10),
    note          text,
    primary key (dossier_id, position)
);
create index dossier_handover_unit on dossier_handover (from_unit, at);
