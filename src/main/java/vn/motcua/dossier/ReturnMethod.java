package vn.motcua.dossier;

/** How the result reached the applicant (§1.7): at the desk, by post, or electronically. */
public enum ReturnMethod {
    DIRECT,
    POSTAL,
    ONLINE
}
