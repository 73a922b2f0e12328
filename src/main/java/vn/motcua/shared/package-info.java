/**
 * Value types and error handling used by every module: problem details (RFC 9457) with Vietnamese
 * texts, diacritic-insensitive text, domain exceptions.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.shared;
