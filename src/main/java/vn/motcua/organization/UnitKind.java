package vn.motcua.organization;

/** What a unit is within its agency. */
public enum UnitKind {
    /** Lãnh đạo: the agency's leadership (chief and deputies). */
    LEADERSHIP,
    /** Phòng chuyên môn: a specialised department. */
    DEPARTMENT,
    /** Ban: a board. */
    BOARD,
    /** Bộ phận Một cửa: the one-stop desk (Decree 118/2025). */
    ONE_STOP_DESK,
    /** Đơn vị sự nghiệp, trung tâm: a centre or service unit. */
    CENTER
}
