package io.github.paperdigest.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Recorded HTTP exchanges in a directory: one {@code .json} file per exchange (method, URL, status,
 * headers, the name of the body file) beside its {@code .body} file, grouped by host. Written by
 * {@link #recorder}, read by {@link #replayer}; users may also write them by hand. Requests match
 * on the method and the URL with its query parameters in any order.
 *
 * <pre>{@code
 * {"method": "GET", "url": "https://export.arxiv.org/api/query?id_list=1707.08567&start=0&max_results=1",
 *  "code": 200, "headers": {"Content-Type": ["application/atom+xml"]}, "body": "query-1a2b3c4d5e.body"}
 * }</pre>
 */
public final class Recordings {
  private Recordings() {}

  /** Response headers worth keeping: what parsing and the politeness layer read. */
  private static final Set<String> KEPT_HEADERS =
      Set.of(
          "content-type",
          "retry-after",
          "ratelimit",
          "ratelimit-policy",
          "location",
          "last-modified",
          "etag");

  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.http");
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** The key a request is recorded and found under. */
  static String key(String method, HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder().query(null).fragment(null).username("").password("");
    List<String[]> params = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.add(new String[] {url.queryParameterName(i), value == null ? "" : value});
    }
    params.sort((a, c) -> a[0].equals(c[0]) ? a[1].compareTo(c[1]) : a[0].compareTo(c[0]));
    for (String[] p : params) {
      b.addQueryParameter(p[0], p[1]);
    }
    return method.toUpperCase(Locale.ROOT) + " " + b.build();
  }

  /** An interceptor that answers from the recordings in {@code directory} and never goes out. */
  public static Interceptor replayer(Path directory) {
    Map<String, Recorded> index = index(directory);
    return chain -> {
      Request request = chain.request();
      String key = key(request.method(), request.url());
      Recorded recorded = index.get(key);
      if (recorded == null) {
        // the core appends the URL: "no recording of this GET request in dir (n recorded exchanges)
        // (url)"
        throw new ReplayMissException(
            "no recording of this "
                + request.method()
                + " request in "
                + shown(directory)
                + " ("
                + index.size()
                + " recorded exchanges)");
      }
      LOG.log(System.Logger.Level.DEBUG, () -> "replaying " + key + " from " + recorded.file());
      return replay(recorded, request);
    };
  }

  /**
   * An interceptor that records each exchange, after politeness and retries, into {@code
   * directory}.
   */
  public static Interceptor recorder(Path directory, long maxBodySize, Clock clock) {
    Objects.requireNonNull(directory, "directory == null");
    return chain -> {
      Request request = chain.request();
      Response response = chain.proceed(request);
      ResponseBody peek = response.peekBody(maxBodySize);
      if (peek.contentLength() < maxBodySize) {
        write(directory, request, response, peek.bytes(), clock);
      }
      return response;
    };
  }

  /** A recording read when the replayer was made: its file and its parsed metadata. */
  private record Recorded(Path file, Map<?, ?> meta) {}

  private static Map<String, Recorded> index(Path directory) {
    Map<String, Recorded> index = new HashMap<>();
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("No recordings directory: " + directory);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName() != null
            && p.getFileName().toString().endsWith(".json")
            && Files.isRegularFile(p)) {
          Map<?, ?> meta = readMeta(p);
          HttpUrl url = HttpUrl.parse(String.valueOf(meta.get("url")));
          if (url == null) {
            throw new IllegalArgumentException("Recording " + p + " has no valid \"url\"");
          }
          Object method = meta.get("method");
          index.putIfAbsent(
              key(method == null ? "GET" : method.toString(), url), new Recorded(p, meta));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read recordings in " + directory, e);
    }
    return Map.copyOf(index);
  }

  private static Map<?, ?> readMeta(Path p) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(Files.readAllBytes(p)))) {
      if (reader.readJsonValue() instanceof Map<?, ?> m) {
        return m;
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Recording " + p + " is not a JSON object: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("Recording " + p + " is not a JSON object");
  }

  private static Response replay(Recorded recorded, Request request) throws IOException {
    Path meta = recorded.file();
    Map<?, ?> m = recorded.meta();
    int code = m.get("code") instanceof Number n ? n.intValue() : 200;
    Headers.Builder headers = new Headers.Builder();
    if (m.get("headers") instanceof Map<?, ?> h) {
      h.forEach(
          (name, values) -> {
            if (values instanceof List<?> list) {
              list.forEach(v -> headers.add(String.valueOf(name), String.valueOf(v)));
            } else {
              headers.add(String.valueOf(name), String.valueOf(values));
            }
          });
    }
    byte[] body = new byte[0];
    if (m.get("body") instanceof String name) {
      Path file = meta.resolveSibling(name);
      if (!Files.isRegularFile(file)) {
        throw new ReplayMissException(
            "recording " + meta + " names a body file " + name + " that is not there");
      }
      body = Files.readAllBytes(file);
    }
    String type = headers.get("Content-Type");
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message(m.get("message") instanceof String s ? s : "Replayed")
        .headers(headers.build())
        .body(ResponseBody.create(body, type == null ? null : MediaType.parse(type)))
        .build();
  }

  private static void write(
      Path directory, Request request, Response response, byte[] body, Clock clock)
      throws IOException {
    String key = key(request.method(), request.url());
    HttpUrl url = request.url();
    Path dir = directory.resolve(url.host());
    Files.createDirectories(dir);
    String stem = slug(url) + "-" + hash(key);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("method", request.method());
    meta.put("url", HttpFetch.redact(url));
    meta.put("code", response.code());
    meta.put("message", response.message());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        headers.put(name, response.headers(name));
      }
    }
    meta.put("headers", headers);
    meta.put("body", stem + ".body");
    meta.put("recordedAt", clock.instant().toString());
    atomically(dir.resolve(stem + ".body"), body);
    Buffer json = new Buffer();
    try (JsonWriter writer = JsonWriter.of(json)) {
      writer.setIndent("  ");
      JSON.toJson(writer, meta);
    }
    atomically(dir.resolve(stem + ".json"), json.readByteArray());
  }

  private static void atomically(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".rec", ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String slug(HttpUrl url) {
    List<String> segments = url.pathSegments();
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    String s = last.isEmpty() ? "root" : last.replaceAll("[^A-Za-z0-9._+-]", "_");
    return s.length() > 40 ? s.substring(0, 40) : s;
  }

  private static String hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No recording for a request in replay mode. */
  static final class ReplayMissException extends IOException {
    private static final long serialVersionUID = 1L;

    ReplayMissException(String message) {
      super(message);
    }
  }

  /** A directory as a reader can find it: a path, or the URI of a folder inside a jar. */
  static String shown(Path directory) {
    return directory.getFileSystem() == java.nio.file.FileSystems.getDefault()
        ? directory.toString()
        : directory.toUri().toString();
  }
}
