package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Picks, once per test run, a free port for the in-process SMTP server ({@link MailServer}) and gives it to the
 * test profile as {@code motcua.test.smtp-port}, before any application context starts: two builds on one machine
 * (a developer's and CI's) then never fight over one fixed port.
 */
public class FreePorts implements LauncherSessionListener {

    static final String SMTP = "motcua.test.smtp-port";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(SMTP) == null) {
            System.setProperty(SMTP, String.valueOf(free()));
        }
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
