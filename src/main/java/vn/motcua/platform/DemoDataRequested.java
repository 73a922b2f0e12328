package vn.motcua.platform;

/**
 * Published once by the demo data's loader ({@code vn.motcua.demo.DemoData}), inside its transaction, after the
 * organisation, the accounts and the catalogue and before the assigned tasks. Only the dossier history listens:
 * it is the one part of the demo still generated inside its own module. Once it has moved to the demo module
 * and is called from the loader like the other parts, this event goes.
 */
public record DemoDataRequested() {}
