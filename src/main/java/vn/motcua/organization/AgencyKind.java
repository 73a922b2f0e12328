package vn.motcua.organization;

public enum AgencyKind {
    /** Ủy ban nhân dân: a People's Committee. */
    PEOPLES_COMMITTEE,
    /** Văn phòng UBND: the People's Committee's Office. */
    OFFICE,
    /** Sở, ban, ngành: a provincial department. */
    DEPARTMENT,
    /** Trung tâm Phục vụ hành chính công. */
    SERVICE_CENTER
}
