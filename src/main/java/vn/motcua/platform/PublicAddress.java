package vn.motcua.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address at which citizens reach the public pages: the QR code and the look-up address of the receipt
 * (Form 01) and the links of the notices lead there. In production ({@code motcua.demo-data} off) it must be
 * {@code motcua.public-url}: motcua refuses to start without it rather than print an address no citizen can
 * open. A demo without it uses the address this server listens on.
 */
@Component
public class PublicAddress {

    private final String configured;
    private final Environment environment;
    private volatile String listening;

    PublicAddress(MotcuaProperties properties, RunMode runMode, Environment environment) {
        if (properties.publicUrl() == null && !runMode.demo()) {
            throw new MissingSettingException("motcua.public-url", "MOTCUA_PUBLIC_URL",
                    "the address at which citizens reach motcua (e.g. https://motcua.haiphong.gov.vn): without demo "
                            + "data motcua runs in production, and the receipts' QR codes and the notices' links "
                            + "must lead to it");
        }
        this.configured = properties.publicUrl();
        this.environment = environment;
    }

    /** The address without a trailing slash: {@code https://motcua.haiphong.gov.vn}. */
    public String url() {
        if (configured != null) {
            return configured;
        }
        String known = listening;
        return known != null ? known : listening();
    }

    private String listening() {
        // The actual port (a random one in tests) is known only once the server listens: kept from then on.
        String host = environment.getProperty("server.address", "");
        // A demo listens on the loopback interface (RunModeDefaults): its name reads better on a printed form.
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals(RunModeDefaults.LOOPBACK)
                || host.equals("::1")) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String listeningPort = environment.getProperty("local.server.port");
        String port = listeningPort != null ? listeningPort : environment.getProperty("server.port", "8080");
        String path = environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
        String url = "http://" + host + ":" + port + path;
        if (listeningPort != null) {
            listening = url;
        }
        return url;
    }
}
