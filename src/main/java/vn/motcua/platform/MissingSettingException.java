package vn.motcua.platform;

/** A setting motcua cannot start without; {@link MissingSettingAnalyzer} tells the operator what to set. */
public class MissingSettingException extends IllegalStateException {

    private final String property;
    private final String environmentVariable;
    private final String purpose;

    public MissingSettingException(String property, String environmentVariable, String purpose) {
        super(property + " (" + environmentVariable + ") is not set: " + purpose);
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.purpose = purpose;
    }

    String property() {
        return property;
    }

    String environmentVariable() {
        return environmentVariable;
    }

    String purpose() {
        return purpose;
    }
}
