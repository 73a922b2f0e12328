-- evaluation (đánh giá): after the result is returned (status code 10) the applicant rates, once, how the
-- dossier was handled; the scores feed the satisfaction index.
--
-- The scheme is data, not code. The one seeded here is the classic scheme of one-stop desks, whose legal
-- source has not been confirmed: 9 criteria × 0–2 points = 18; very good 18, good 14–17,
-- pass 10–13, fail < 10. When the official scheme changes, update these rows (deactivate a criterion rather
-- than delete it: stored ratings name it) together with the grade thresholds, which are totals in points.

create table evaluation_criterion (
    code        varchar(40)  primary key,
    name        varchar(300) not null,                   -- Vietnamese, as shown to the citizen
    name_en     varchar(300) not null,
    max_points  integer      not null check (max_points between 1 and 100),
    position    integer      not null,
    active      boolean      not null default true
);

insert into evaluation_criterion (code, name, name_en, max_points, position) values
    ('WAITING_TIME', 'Thời gian chờ đợi khi nộp hồ sơ và nhận kết quả',
        'Waiting time when submitting the dossier and collecting the result', 2, 1),
    ('TIME_LIMIT', 'Thời gian giải quyết hồ sơ so với thời hạn quy định',
        'Time taken to resolve the dossier compared with the statutory time limit', 2, 2),
    ('CONTACTS', 'Số lần phải liên hệ với cơ quan để hoàn thiện hồ sơ',
        'Number of contacts with the agency needed to complete the dossier', 2, 3),
    ('GUIDANCE', 'Hướng dẫn kê khai, hoàn thiện hồ sơ đầy đủ, rõ ràng',
        'Complete and clear guidance on filling in and completing the dossier', 2, 4),
    ('ATTITUDE', 'Thái độ, tinh thần phục vụ của công chức tiếp nhận và giải quyết hồ sơ',
        'Attitude and helpfulness of the officials who received and handled the dossier', 2, 5),
    ('FEES', 'Thu phí, lệ phí đúng quy định, không phát sinh chi phí ngoài quy định',
        'Fees and charges as prescribed, with no cost beyond the regulations', 2, 6),
    ('DISCLOSURE', 'Công khai thủ tục hành chính đầy đủ, đúng quy định',
        'Full and proper public disclosure of the administrative procedure', 2, 7),
    ('FACILITIES', 'Cơ sở vật chất, trang thiết bị nơi tiếp nhận và trả kết quả',
        'Facilities and equipment where dossiers are received and results returned', 2, 8),
    ('RESULT', 'Kết quả giải quyết đúng quy định',
        'Result of the procedure in accordance with the regulations', 2, 9);

-- A total gets the grade with the highest min_total not above it; keep one grade at 0 so that every total
-- has a grade. Thresholds [U]: see above.
create table evaluation_grade (
    code       varchar(20)  primary key,
    name       varchar(100) not null,
    name_en    varchar(100) not null,
    min_total  integer      not null unique check (min_total >= 0)
);

insert into evaluation_grade (code, name, name_en, min_total) values
    ('VERY_GOOD', 'Rất tốt', 'Very good', 18),
    ('GOOD', 'Tốt', 'Good', 14),
    ('PASS', 'Đạt', 'Pass', 10),
    ('FAIL', 'Không đạt', 'Fail', 0);

-- One rating per dossier: the primary key makes a second (or a concurrent) submit fail.
create table dossier_evaluation (
    dossier_id  bigint       primary key references dossier (id) on delete cascade,
    scores      jsonb        not null,                   -- {"<criterion code>": points, …}
    total       integer      not null,
    max_total   integer      not null,                   -- of the scheme in force when rated
    grade       varchar(20)  not null,
    comment     text         check (char_length(comment) <= 2000),
    rated_at    timestamptz  not null
);
