package consumer;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.model.Digest;
import io.github.paperdigest.model.Paper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replays a digest of each source and checks what a user resolved. Arguments: the path kind
 * expected (module or class), the recordings directory, and the okio and kotlin-stdlib versions
 * the SDK's build tested.
 */
public final class Main {
  public static void main(String[] args) throws Exception {
    String path = args[0];
    boolean onModulePath = PaperDigest.class.getModule().isNamed();
    check(onModulePath == path.equals("module"), "expected the SDK on the " + path + " path");

    // what Maven resolved through the BOM is what the SDK's build tested
    check(jar(okio.Buffer.class).equals("okio-jvm-" + args[2] + ".jar"),
        "okio: resolved " + jar(okio.Buffer.class) + ", the build tested " + args[2]);
    Class<?> kotlin = Class.forName("kotlin.Unit"); // okio's, not read by this module
    check(jar(kotlin).equals("kotlin-stdlib-" + args[3] + ".jar"),
        "kotlin-stdlib: resolved " + jar(kotlin) + ", the build tested " + args[3]);

    // a user who does not add paperdigest-hazelcast pulls no Hazelcast
    boolean hazelcast;
    try {
      Class.forName("com.hazelcast.core.HazelcastInstance");
      hazelcast = true;
    } catch (ClassNotFoundException e) {
      hazelcast = false;
    }
    check(!hazelcast, "Hazelcast is on the " + path + " path of a user who did not ask for fleets");

    if (!onModulePath) {
      // on the test class path: the BOM's MockWebServer is of the OkHttp the core runs on
      String okhttp = jar(Class.forName("okhttp3.OkHttpClient"));
      String server = jar(Class.forName("mockwebserver3.MockWebServer"));
      check(okhttp.startsWith("okhttp-jvm-") && server.equals("mockwebserver3-" + okhttp.substring(11)),
          "MockWebServer: resolved " + server + " beside " + okhttp);
    }

    try (PaperDigest client = PaperDigest.builder().replay(Path.of(args[1])).build()) {
      List<String> ids = client.sources().stream().map(s -> s.id()).sorted().collect(Collectors.toList());
      check(ids.equals(List.of("arxiv", "hf-daily")), "sources found: " + ids);

      Digest hf = client.digest("hf-daily").on(LocalDate.of(2025, 10, 3));
      check(hf.size() == 39 && hf.complete(), "hf-daily 2025-10-03: " + hf.size() + " papers");
      Paper top = hf.papers().get(0);
      check(top.id().toString().equals("arxiv:2510.02283"), "hf-daily first paper: " + top.id());

      Digest arxiv = client.digest("arxiv").category("cs.CL").latest();
      check(!arxiv.isEmpty(), "arxiv cs.CL latest: empty");
      check(arxiv.papers().stream().allMatch(p -> p.categories().contains("cs.CL")),
          "arxiv cs.CL latest: a paper outside cs.CL");
      System.out.println("consumer on the " + path + " path: hf-daily " + hf.size() + " papers, arxiv "
          + arxiv.size() + " papers, okio " + args[2] + ", kotlin-stdlib " + args[3]);
    }
  }

  private static String jar(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("consumer test failed: " + what);
      System.exit(1);
    }
  }
}
