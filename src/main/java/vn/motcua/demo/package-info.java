/**
 * The demo data: the Office of Hải Phòng City People's Committee with its staff and accounts, a catalogue of real
 * procedures, a year of dossiers and the Office's assigned tasks, loaded at start-up by {@link
 * vn.motcua.demo.DemoData} (switched by {@code motcua.demo-data}). It builds everything through the other
 * modules' public APIs, as their users would; no other module knows it exists (ModularityTests checks this), so
 * a production build could leave it out.
 */
package vn.motcua.demo;
