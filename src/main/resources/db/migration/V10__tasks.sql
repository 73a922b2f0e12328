-- Assigned tasks (nhiệm vụ được giao): what the People's Committee and its Chairman assign to an agency's unit,
-- tracked to on-time or late completion, in the five buckets of task-tracking reports (no legal text fixes
-- them: completed on time or late, open within the deadline or overdue, no deadline). The status is derived, never
-- stored: it follows from the due date in force on a day and the completion date (see tasks.TaskStatus).

create table assigned_task (
    id                      bigserial     primary key,
    agency_code             varchar(50)   not null,
    title                   varchar(500)  not null,
    description             text,
    source_document_number  varchar(60),                         -- e.g. 123/TB-UBND, or none for a meeting
    source_document_date    date,
    source_summary          varchar(2000),
    assigned_by             bigint        not null,              -- staff id of the Chairman or a Vice-Chairman
    assigned_by_name        varchar(200)  not null,              -- as it was when assigned
    host_unit_code          varchar(50)   not null,
    coordinating_unit_codes varchar(50)[] not null default '{}',
    assigned_on             date          not null,
    original_due_date       date,                                -- null: a regular task without a deadline
    due_date                date,                                -- after approved extensions
    due_changed_on          date,                                -- when the last extension was approved
    priority                varchar(10)   not null check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    progress_percent        integer       not null default 0 check (progress_percent between 0 and 100),
    progress_note           varchar(2000),
    progress_on             date,
    completed_on            date,
    result_summary          varchar(4000),
    result_document         varchar(200),
    search_text             text          not null,              -- folded: no diacritics, lower case
    due_soon_reminded_at    timestamptz,
    overdue_noticed_at      timestamptz,
    created_by              varchar(100)  not null,
    created_at              timestamptz   not null,
    idempotency_key         varchar(100),
    version                 integer       not null default 0,
    check (original_due_date is null or original_due_date >= assigned_on),
    check (completed_on is null or completed_on >= assigned_on),
    unique (created_by, idempotency_key)
);

create index assigned_task_agency on assigned_task (agency_code, assigned_on);
create index assigned_task_host on assigned_task (host_unit_code, assigned_on);
create index assigned_task_coordinating on assigned_task using gin (coordinating_unit_codes);
-- open tasks by due date: the watch's reminders and the overdue list
create index assigned_task_open_due on assigned_task (due_date) where completed_on is null;

-- Extension requests (xin gia hạn): numbered within their task, decided once; none is ever deleted.
create table task_extension (
    task_id            bigint        not null references assigned_task (id),
    number             integer       not null,
    proposed_due_date  date          not null,
    reason             varchar(2000) not null,
    previous_due_date  date          not null,
    requested_by       varchar(100),                         -- null: imported, staff without an account
    requested_by_name  varchar(200)  not null,
    requested_at       timestamptz   not null,
    state              varchar(10)   not null check (state in ('PENDING', 'APPROVED', 'DENIED')),
    decided_by         varchar(100),
    decided_by_name    varchar(200),
    decided_on         date,
    decision_note      varchar(2000),
    primary key (task_id, number)
);

-- The task's timeline: assignment, progress reports, extension requests and decisions, completion.
-- Append-only.
create table task_event (
    id            bigserial     primary key,
    task_id       bigint        not null references assigned_task (id),
    kind          varchar(30)   not null,
    occurred_on   date          not null,
    recorded_at   timestamptz   not null,
    actor         varchar(100),
    actor_name    varchar(200),
    percent       integer,
    note          varchar(4000),
    due_date      date
);

create index task_event_task on task_event (task_id, id);

-- Files of a task: the assigning document (by the monitoring office), progress reports and the result (by the
-- host unit). The bytes are in the content-addressed file store; rows are never changed.
create table task_attachment (
    id            bigserial     primary key,
    task_id       bigint        not null references assigned_task (id),
    purpose       varchar(12)   not null check (purpose in ('ASSIGNMENT', 'PROGRESS', 'RESULT')),
    name          varchar(255)  not null,
    size          bigint        not null,
    content_type  varchar(100)  not null,
    sha256        char(64)      not null,
    uploaded_by   varchar(100)  not null,
    uploaded_at   timestamptz   not null
);

create index task_attachment_task on task_attachment (task_id, id);
