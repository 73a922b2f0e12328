package vn.motcua.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls against the running application, the way an integrating system makes them. */
public final class Api {

    public static final String DEMO_PASSWORD = "Demo@12345";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public static Api as(int port, String username) {
        return as(port, username, DEMO_PASSWORD);
    }

    public static Api as(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(port, "Basic " + token);
    }

    public Api header(String name, String value) {
        Api copy = new Api(port, authorization);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A multipart/form-data POST with one file part named {@code file} and optional text fields. */
    public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        return uploadAll(path, java.util.List.of(new Part("file", fileName, content)), fields);
    }

    /** A file part of a multipart request: its field name, file name and content. */
    public record Part(String name, String fileName, byte[] content) {}

    /** A multipart/form-data POST with several file parts and optional text fields. */
    public Response uploadAll(String path, java.util.List<Part> files, Map<String, String> fields) {
        String boundary = "----motcua" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Part file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = execute(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    public Response send(String method, String path, Object body) {
        HttpResponse<String> response = call(method, path, body, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    /** A GET of something that is not text: a PDF, an image. */
    public Download download(String path) {
        return new Download(call("GET", path, null, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private <T> HttpResponse<T> call(String method, String path, Object body, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        if (text != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return execute(request, handler);
    }

    private <T> HttpResponse<T> execute(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request.build(), handler);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public record Download(HttpResponse<byte[]> raw) {

        public int status() {
            return raw.statusCode();
        }

        public byte[] body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The body read as JSON, for a problem detail instead of the file. */
        public JsonNode json() {
            return JSON.readTree(new String(raw.body(), StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String type = header("Content-Type");
            return status() + " " + type + (type != null && type.contains("json")
                    ? " " + new String(raw.body(), StandardCharsets.UTF_8) : " (" + raw.body().length + " bytes)");
        }
    }
}
