package io.github.paperdigest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the bundled sources are found on the module path: the SDK, the sources and their
 * dependencies (the jars this module depends on) are loaded as named modules in their own layer,
 * where only the module descriptors ({@code uses}, {@code provides}) can connect them.
 */
final class ModulePathTest {

  @Test
  void discoveredOnTheModulePath() throws Exception {
    List<Path> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = p.getFileName().toString();
      boolean module =
          name.endsWith(".jar")
              && name.matches(
                  "(okhttp|okio|kotlin-stdlib|moshi|jsoup|caffeine|paperdigest-core|paperdigest-source-).*");
      if (module) {
        path.add(p);
      }
    }
    ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
    Configuration config =
        ModuleLayer.boot()
            .configuration()
            .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.github.paperdigest"));
    ModuleLayer layer =
        ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());

    assertThat(layer.findModule("io.github.paperdigest.source.hf")).isPresent();
    assertThat(layer.findModule("io.github.paperdigest.source.arxiv")).isPresent();
    ClassLoader loader = layer.findLoader("io.github.paperdigest");
    Class<?> spi = Class.forName("io.github.paperdigest.spi.PaperSourceProvider", true, loader);
    List<String> ids = new ArrayList<>();
    for (Object provider : ServiceLoader.load(layer, spi)) {
      ids.add((String) spi.getMethod("id").invoke(provider));
    }
    assertThat(ids).containsExactlyInAnyOrder("hf-daily", "arxiv");

    Class<?> client = Class.forName("io.github.paperdigest.PaperDigest", true, loader);
    Object digest = client.getMethod("create").invoke(null);
    Method sources = client.getMethod("sources");
    assertThat(sources.invoke(digest).toString())
        .contains("SourceInfo[id=hf-daily", "SourceInfo[id=arxiv");
    client.getMethod("close").invoke(digest);
  }
}
