package vn.motcua.identity;

/** What an account may do. An account belongs to one unit and may hold several roles. */
public enum Role {
    /** Quản trị hệ thống: configuration, calendar, organization, accounts, audit. */
    ADMIN,
    /** Cán bộ Bộ phận Một cửa: receives dossiers and returns results. */
    RECEPTION,
    /** Chuyên viên: processes dossiers and tasks of the unit. */
    SPECIALIST,
    /** Lãnh đạo: approves, signs, sees the unit's or agency's figures. */
    LEADER,
    /** Văn thư: registers incoming and outgoing documents. */
    CLERK,
    /** Giám sát: follows assigned tasks and reform progress. */
    MONITOR
}
