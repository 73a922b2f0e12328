/**
 * Fees and their payment (thu phí, lệ phí): what each dossier owes (fixed at intake by the dossier module), and every
 * payment against it — cash at the desk with its receipt number, bank transfers by VietQR reported by the bank's
 * signed notifications, the national payment platform — each a transaction whose messages are kept and never
 * rewritten; a credit the desk must resolve when it matches no amount due; receipts and the figures for the
 * agency's accountant (Decree 224/2026/NĐ-CP Art. 15(1)(đ): online payment wherever a fee is due).
 */
package vn.motcua.payment;
