package vn.motcua.platform;

/**
 * Published once at start-up, inside a transaction, when demo data is wanted. Listeners load their
 * module's part unless it is already there; {@code @Order} on the listeners sets the sequence
 * (organization before identity).
 */
public record DemoDataRequested() {}
