/**
 * The staff web application's frame: the layout every page shares (navigation, the signed-in user, the
 * language switch), the sign-in page and the home dashboard. Each business module renders its own pages
 * in its {@code web} sub-package; this module only reads other modules' public APIs.
 */
package vn.motcua.web;
