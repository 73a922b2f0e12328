package vn.motcua.dossier;

/** How the result reached the applicant (Decree 118/2025/NĐ-CP Art. 22): at the desk, by post, or electronically. */
public enum ReturnMethod {
    DIRECT,
    POSTAL,
    ONLINE
}
