package vn.motcua.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session over plain HTTP: cookies, the sign-in form, and the CSRF token that every
 * form post needs (taken from the last page, as a browser would). Redirects are not followed, so tests
 * see them.
 */
public final class WebSession {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FIELD_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client;
    private String csrf;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private WebSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private WebSession(int port, HttpClient client) {
        this.port = port;
        this.client = client;
    }

    /**
     * The same browser (its cookies, its CSRF token) sent to another node on {@code otherPort}, as a load balancer
     * without sticky sessions would.
     */
    public WebSession at(int otherPort) {
        WebSession moved = new WebSession(otherPort, client);
        moved.csrf = csrf;
        moved.headers.putAll(headers);
        return moved;
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Signs in through the form as a demo account. */
    public static WebSession signIn(int port, String username) {
        return signIn(port, username, Api.DEMO_PASSWORD);
    }

    /** Signs in through the form. */
    public static WebSession signIn(int port, String username, String password) {
        WebSession session = new WebSession(port);
        session.get("/login");
        Api.Response response = session.post("/login", Map.of("username", username, "password", password));
        String location = response.header("Location");
        if (response.status() != 302 || location == null || location.contains("/login")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + response.status() + " " + location);
        }
        // Signing in issues a new CSRF token: read it from the home page.
        session.csrf = null;
        session.get("/");
        return session;
    }

    /** Sends this header with every later request of the session (or stops sending it, given null). */
    public WebSession header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    /** A GET of something that is not text, such as a printed form (PDF), in this session. */
    public Api.Download download(String path) {
        try {
            return new Api.Download(client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the last page read. */
    public Api.Response post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), path);
    }

    /** Posts a multipart form with one file, and the CSRF token of the last page read, as a browser uploads. */
    public Api.Response postFile(String path, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] content) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        String boundary = "----motcua" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        form.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), path);
    }

    private Api.Response send(HttpRequest.Builder request, String path) {
        request.header("Accept", "text/html,application/xhtml+xml");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            remember(response.body());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher meta = META_TOKEN.matcher(body);
        Matcher field = FIELD_TOKEN.matcher(body);
        if (meta.find()) {
            csrf = meta.group(1);
        } else if (field.find()) {
            csrf = field.group(1);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
