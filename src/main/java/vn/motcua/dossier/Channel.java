package vn.motcua.dossier;

/**
 * How the dossier reached the desk: at the desk, by post or courier, or online. {@link #code()} is the channel as
 * the National Public Service Portal's dashboard counts it ({@code KenhThucHien}, the definitions of the service
 * index of Decision 766/QĐ-TTg): 1 in person, 2 online, 3 public postal service.
 */
public enum Channel {
    DIRECT(1), POSTAL(3), ONLINE(2);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
