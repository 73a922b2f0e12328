-- Statistics by the agency that directly resolves the dossier (cơ quan trực tiếp giải quyết: Circular
-- 01/2020/TT-VPCP, table 06/VPCP/KSTT), not by the desk that received it.
--
-- handling_agency_code: the agency of the unit of the step that decides the result, the last leader's step of
-- the pinned process (approve and sign), or its last processing step when it has no leader's step; the receiving
-- agency when the desk alone handles the dossier. Intake records it from then on; existing dossiers get it from
-- their pinned procedure version here.
alter table dossier add column handling_agency_code varchar(35);

with deciding as (
    select p.code, p.version,
           (select u.agency_code
            from procedure_step s join org_unit u on u.code = s.unit_code
            where s.procedure_version_id = p.id and s.role <> 'RECEPTION'
            order by (s.role = 'LEADER') desc, s.step_order desc
            limit 1) as agency_code
    from procedure_version p
)
update dossier d set handling_agency_code = x.agency_code
from deciding x
where x.code = d.procedure_code and x.version = d.procedure_version and x.agency_code is not null;

update dossier set handling_agency_code = agency_code where handling_agency_code is null;
alter table dossier alter column handling_agency_code set not null;

-- Evaluation criteria as versioned sets. Version 1 is the set seeded by V8 (nine criteria, of which five are
-- those of the classic index); version 2 is the classic index of one-stop desks (Decree 61/2018/NĐ-CP Chapter V
-- and Circular 01/2018/TT-VPCP; the legal source is not confirmed): 9 criteria × 0–2 points = 18, the same
-- grade thresholds. New evaluations use the set in force (in_force); every evaluation records the version it was
-- rated against, so that its scores keep reading against their own criteria.
create table evaluation_criterion_set (
    version     integer      primary key,
    name        varchar(300) not null,
    name_en     varchar(300) not null,
    in_force    boolean      not null default false
);
create unique index evaluation_criterion_set_in_force on evaluation_criterion_set (in_force) where in_force;

insert into evaluation_criterion_set (version, name, name_en, in_force) values
    (1, 'Bộ tiêu chí ban đầu của hệ thống', 'The system''s first set of criteria', false),
    (2, 'Bộ chỉ số đánh giá việc giải quyết thủ tục hành chính tại Bộ phận Một cửa (9 tiêu chí)',
        'Index of the handling of administrative procedures at the one-stop desk (9 criteria)', true);

alter table evaluation_criterion add column set_version integer not null default 1
    references evaluation_criterion_set (version);
alter table evaluation_criterion alter column set_version drop default;
alter table evaluation_criterion drop constraint evaluation_criterion_pkey;
alter table evaluation_criterion add primary key (set_version, code);

insert into evaluation_criterion (set_version, code, name, name_en, max_points, position) values
    (2, 'TOTAL_TIME', 'Tổng thời gian giải quyết thủ tục hành chính so với thời gian tối đa theo quy định',
        'Total time taken to resolve the procedure compared with the maximum set by law', 2, 1),
    (2, 'AGENCY_TIME', 'Thời gian thực hiện tại cơ quan, đơn vị trực tiếp giải quyết so với quy định',
        'Time taken at the agency that directly resolves the dossier compared with the rules', 2, 2),
    (2, 'CONTACTS', 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
        'Number of times the applicant had to contact the desk to complete the dossier', 2, 3),
    (2, 'AGENCIES', 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
        'Number of agencies, units and organisations the applicant had to contact to complete the dossier', 2, 4),
    (2, 'POSTAL_ONLINE', 'Thực hiện tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích hoặc trực tuyến',
        'Dossier received or result returned by public postal service or online', 2, 5),
    (2, 'EXTRA_COST', 'Chi phí phải bỏ ra ngoài phí, lệ phí theo quy định',
        'Costs beyond the fees and charges set by law', 2, 6),
    (2, 'ATTITUDE', 'Thái độ ứng xử, tinh thần phục vụ của cán bộ, công chức, viên chức',
        'Conduct and helpfulness of the officials', 2, 7),
    (2, 'DISCLOSURE', 'Việc công khai thủ tục hành chính theo quy định',
        'Public disclosure of the administrative procedure as required', 2, 8),
    (2, 'FEEDBACK', 'Việc tiếp thu, giải trình ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
        'How the applicant''s feedback and recommendations were received and answered', 2, 9);

alter table dossier_evaluation add column criteria_version integer not null default 1
    references evaluation_criterion_set (version);
alter table dossier_evaluation alter column criteria_version drop default;
