package vn.motcua.dossier;

/** How the dossier reached the desk: at the desk, by post or courier, or online. */
public enum Channel { DIRECT, POSTAL, ONLINE }
