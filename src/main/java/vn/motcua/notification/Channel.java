package vn.motcua.notification;

/** How an outbox row goes out. */
enum Channel {
    EMAIL,
    SMS
}
