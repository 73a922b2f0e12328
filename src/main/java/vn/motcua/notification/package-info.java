/**
 * Notices to citizens and units by e-mail and SMS through a transactional outbox: {@link
 * vn.motcua.notification.Notices#enqueue} stores a notice in the caller's transaction, and a poller sends it
 * after the commit, retrying with back-off until it goes through. A rolled-back change never sends a notice;
 * an outage of the mail server loses none.
 */
package vn.motcua.notification;
