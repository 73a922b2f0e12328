package vn.motcua.portal;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A one-time code on its way.
 *
 * @param login what the citizen signs in (and confirms the code) with: the phone number in national form, the e-mail
 *        address in lower case, or the user name
 * @param channels how the code goes out ({@code EMAIL}, {@code SMS}); told only to whoever just signed up, never to
 *        whoever asks for a code for a login, so that the answer does not tell whether the account exists
 * @param expiresAt until when the code may be used, at +07:00
 */
// Serializable: the sign-up page keeps it across the redirect in the page session, which lives in the database.
public record CodeSent(String login, List<String> channels, OffsetDateTime expiresAt) implements Serializable {}
