/**
 * The citizens' half of the one-stop desk (cổng dịch vụ công): citizens' and businesses' accounts sign up and sign
 * in ({@link vn.motcua.identity.Citizens} keeps the accounts, as the identity module keeps every account), file
 * dossiers online, answer supplement requests, follow their dossiers and receive e-results. Citizens call
 * {@code /api/citizen/v1/**} and use the pages under {@code /cong-dan/**}.
 */
package vn.motcua.portal;
