-- Scale-test data for scripts/benchmark-tasks.sh: 100,000 assigned tasks of the Office (000.00.01.H27) over
-- 10 years, written by psql in one transaction (psql -1). Marked created_by = 'benchmark'; the script runs this
-- only while there are none. Realistic mix: ~90% completed (about one in ten of those late), ~4% open past their
-- due date, ~6% assigned in the last 40 days and open; 10% regular tasks without a due date; ~6% of the others
-- with an approved extension (task_extension APPROVED, due_changed_on, due_date and original_due_date agreeing);
-- 1–3 progress reports per task on the timeline. Deterministic (setseed).
\set ON_ERROR_STOP on
select setseed(0.2019);

create temp table bench_leader on commit drop as
select row_number() over (order by s.id) - 1 as k, s.id, s.full_name
from staff s
where s.unit_code = 'UB.TT' and s.position_code in ('CT', 'PCT') and s.active;

do $$ begin
    if not exists (select 1 from bench_leader) then
        raise exception 'no Chairman or Vice-Chairman (UB.TT, CT/PCT) in staff: load the demo data first';
    end if;
end $$;

-- Titles of the Office's agenda with their folded form (VietnameseText.fold: no diacritics, lower case).
create temp table bench_title on commit drop as
select k, title, folded from (values
    (0, 'Báo cáo kết quả thực hiện cải cách hành chính quý', 'bao cao ket qua thuc hien cai cach hanh chinh quy'),
    (1, 'Tham mưu kế hoạch kiểm soát thủ tục hành chính', 'tham muu ke hoach kiem soat thu tuc hanh chinh'),
    (2, 'Rà soát quy trình nội bộ theo ISO 9001:2015', 'ra soat quy trinh noi bo theo iso 9001:2015'),
    (3, 'Báo cáo tình hình tiếp nhận và giải quyết hồ sơ', 'bao cao tinh hinh tiep nhan va giai quyet ho so'),
    (4, 'Chuẩn bị nội dung phiên họp Ban Chỉ đạo chính quyền điện tử',
        'chuan bi noi dung phien hop ban chi dao chinh quyen dien tu'),
    (5, 'Đề xuất phương án thành lập Trung tâm Phục vụ hành chính công',
        'de xuat phuong an thanh lap trung tam phuc vu hanh chinh cong'),
    (6, 'Kiểm tra công tác văn thư lưu trữ tại các đơn vị', 'kiem tra cong tac van thu luu tru tai cac don vi'),
    (7, 'Báo cáo đánh giá mức độ hài lòng của người dân', 'bao cao danh gia muc do hai long cua nguoi dan'),
    (8, 'Xây dựng dự thảo quy chế phối hợp giữa các sở ngành', 'xay dung du thao quy che phoi hop giua cac so nganh'),
    (9, 'Tổng hợp ý kiến góp ý dự thảo văn bản quy phạm pháp luật',
        'tong hop y kien gop y du thao van ban quy pham phap luat')) v (k, title, folded);

create temp table bench_task on commit drop as
with d as (
    select i, nextval('assigned_task_id_seq') as id,
           random() as r_fate, random() as r_age, random() as r_due, random() as r_ext, random() as r_done,
           random() as r_pct, random() as r_prio, random() as r_coord
    from generate_series(1, 100000) i),
a as (
    select d.*,
           case when r_fate < 0.90 then current_date - 30 - (r_age * 3620)::int   -- completed, over 10 years
                when r_fate < 0.94 then current_date - 45 - (r_age * 1000)::int   -- open, past its due date
                else current_date - (r_age * 40)::int end as assigned_on,         -- open, recent
           r_fate < 0.90 as completed
    from d),
o as (
    select a.*,
           case when r_due < 0.10 then null
                when r_fate >= 0.94 then assigned_on + 45 + (r_due * 60)::int
                when r_fate >= 0.90 then assigned_on + 10 + (r_due * 30)::int
                else assigned_on + 10 + (r_due * 80)::int end as original_due
    from a),
e as (
    select o.*,
           original_due is not null and r_ext < 0.06 as extended,
           case when original_due is not null and r_ext < 0.06
                then least(assigned_on + ((original_due - assigned_on) * 0.6)::int, current_date) end as decided_on,
           case when original_due is not null and r_ext < 0.06
                then original_due + 10 + (r_ext * 500)::int else original_due end as due
    from o),
c as (
    select e.*,
           case when not completed then null
                else greatest(least(
                         case when r_done < 0.10 then coalesce(due, assigned_on + 30) + 1 + (r_done * 300)::int
                              else assigned_on + ((coalesce(due, assigned_on + 60) - assigned_on)
                                                  * (0.2 + 0.8 * r_done))::int end,
                         current_date), coalesce(decided_on, assigned_on)) end as completed_on
    from e)
select c.*,
       (array['VP.TH', 'VP.KSTT', 'VP.NC', 'VP.KTTC', 'VP.KTN', 'VP.DT', 'VP.VX', 'VP.HCTC', 'VP.QTTV',
              'VP.BTCD'])[1 + i % 10] as host,
       case when r_coord < 0.2 then array[(array['VP.TH', 'VP.KSTT', 'VP.NC', 'VP.KTTC', 'VP.KTN', 'VP.DT',
              'VP.VX', 'VP.HCTC', 'VP.QTTV', 'VP.BTCD'])[1 + (i + 1 + (r_coord * 40)::int % 9) % 10]]::varchar(50)[]
            else '{}'::varchar(50)[] end as coordinating,
       l.id as leader_id, l.full_name as leader_name, t.title || ' (' || i || ')' as title,
       t.folded || ' (' || i || ')' as search_text,
       case when completed then 100 else 5 + (r_pct * 85)::int end as percent,
       case when completed then completed_on
            else assigned_on + ((current_date - assigned_on) * (0.3 + 0.7 * r_pct))::int end as progress_on,
       1 + i % 3 as reports
from c
join bench_leader l on l.k = (c.i / 10) % (select count(*) from bench_leader)
join bench_title t on t.k = (c.i / 7) % 10;

insert into assigned_task (id, agency_code, title, description, source_document_number, source_document_date,
        source_summary, assigned_by, assigned_by_name, host_unit_code, coordinating_unit_codes, assigned_on,
        original_due_date, due_date, due_changed_on, priority, progress_percent, progress_note, progress_on,
        completed_on, result_summary, result_document, search_text, due_soon_reminded_at, overdue_noticed_at,
        created_by, created_at)
select id, '000.00.01.H27', title, null,
       case when i % 4 <> 0 then (1 + i % 899) || '/TB-UBND' end,
       case when i % 4 <> 0 then assigned_on - i % 5 end,
       case when i % 4 <> 0 then 'Thông báo kết luận của Chủ tịch UBND thành phố' end,
       leader_id, leader_name, host, coordinating, assigned_on, original_due, due, decided_on,
       case when r_prio < 0.80 then 'NORMAL' when r_prio < 0.95 then 'HIGH' else 'URGENT' end,
       percent, case when completed then 'Đã hoàn thành' else 'Đang triển khai thực hiện' end, progress_on,
       completed_on, case when completed then 'Đã hoàn thành nhiệm vụ, báo cáo kết quả' end,
       case when completed and i % 3 = 0 then (1 + i % 500) || '/BC-VP' end,
       search_text,
       -- the watch has long reminded and noticed everything open: no burst of notices during the benchmark
       case when not completed and due is not null then now() end,
       case when not completed and due < current_date then now() end,
       'benchmark', (assigned_on + time '08:30') at time zone 'Asia/Ho_Chi_Minh'
from bench_task
order by id;

insert into task_extension (task_id, number, proposed_due_date, reason, previous_due_date, requested_by,
        requested_by_name, requested_at, state, decided_by, decided_by_name, decided_on, decision_note)
select id, 1, due, 'Cần thêm thời gian để lấy ý kiến các đơn vị phối hợp', original_due, null,
       'Chuyên viên ' || host, (greatest(decided_on - 2, assigned_on) + time '10:00') at time zone 'Asia/Ho_Chi_Minh',
       'APPROVED', 'giamsat', 'Vũ Thanh Hương', decided_on, 'Đồng ý gia hạn'
from bench_task where extended;

insert into task_event (task_id, kind, occurred_on, recorded_at, actor, actor_name, percent, note, due_date)
select task_id, kind, occurred_on, (occurred_on + time '09:00' + seq * interval '1 minute')
           at time zone 'Asia/Ho_Chi_Minh', actor, actor_name, percent, note, due_date
from (
    select id as task_id, 0 as seq, 'ASSIGNED' as kind, assigned_on as occurred_on, 'giamsat' as actor,
           'Vũ Thanh Hương' as actor_name, null::int as percent, null as note, original_due as due_date
    from bench_task
    union all
    select id, 1, 'EXTENSION_REQUESTED', greatest(decided_on - 2, assigned_on), null, 'Chuyên viên ' || host, null,
           'Cần thêm thời gian để lấy ý kiến các đơn vị phối hợp', due
    from bench_task where extended
    union all
    select id, 2, 'EXTENSION_APPROVED', decided_on, 'giamsat', 'Vũ Thanh Hương', null, 'Đồng ý gia hạn', due
    from bench_task where extended
    union all
    select id, 2 + n, 'PROGRESS', assigned_on + ((progress_on - assigned_on) * n / reports),
           null, 'Chuyên viên ' || host,
           case when completed then 90 * n / reports else percent * n / reports end,
           'Báo cáo tiến độ lần ' || n, null
    from bench_task, generate_series(1, 3) n
    where n <= reports
    union all
    select id, 9, 'COMPLETED', completed_on, null, 'Chuyên viên ' || host, 100,
           'Đã hoàn thành nhiệm vụ, báo cáo kết quả', null
    from bench_task where completed) x
order by task_id, occurred_on, seq;
