package vn.motcua.dossier;

/**
 * Where the issuing agency's digital signature goes on an electronic result, once the province has a signing
 * service (a hardware security module or a remote-signing service of a certification authority): an e-result is
 * returned signed (Decree 45/2020/NĐ-CP Art. 14; the signature's image and place on a PDF as Decree
 * 30/2020/NĐ-CP Annex I lays them out). It is called with the stamped PDF, after the QR code is on it, so that the
 * signature covers the stamp too; the SHA-256 published by the public check is that of what it returns.
 *
 * <p>Today's only implementation, {@link Unsigned}, returns the PDF as it is: a result signed before it was
 * uploaded keeps its signature (the stamp is an incremental update), one that was not stays unsigned.
 */
interface ResultSigner {

    byte[] sign(byte[] stampedPdf, String resultCode);

    @org.springframework.stereotype.Component
    class Unsigned implements ResultSigner {

        @Override
        public byte[] sign(byte[] stampedPdf, String resultCode) {
            return stampedPdf;
        }
    }
}
