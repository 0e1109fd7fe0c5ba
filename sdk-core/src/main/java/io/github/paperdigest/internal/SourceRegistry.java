package io.github.paperdigest.internal;

import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.model.UnknownSourceException;
import io.github.paperdigest.spi.PaperSourceProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The providers one client knows: those registered on its builder, then those {@link ServiceLoader}
 * finds (once, when the client is built), sorted by id. A provider registered on the builder wins
 * over a discovered one with the same id; two discovered providers with one id are an error naming
 * both classes; a provider that fails to load is logged with its class name, skipped, and mentioned
 * when an unknown id is asked for.
 */
public final class SourceRegistry {
  private static final System.Logger LOG = System.getLogger("io.github.paperdigest.discovery");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

  private final Map<String, PaperSourceProvider> providers;
  private final List<String> failures;

  private SourceRegistry(Map<String, PaperSourceProvider> providers, List<String> failures) {
    this.providers = providers;
    this.failures = failures;
  }

  /**
   * Builds the registry.
   *
   * @throws SourceConfigurationException for two providers with one id, or an invalid id
   */
  public static SourceRegistry create(
      List<PaperSourceProvider> registered, boolean discover, ClassLoader loader) {
    Map<String, PaperSourceProvider> byId = new LinkedHashMap<>();
    for (PaperSourceProvider provider : registered) {
      String id = checkedId(provider);
      PaperSourceProvider previous = byId.putIfAbsent(id, provider);
      if (previous != null) {
        throw duplicate(id, previous, provider);
      }
    }
    List<String> failures = new ArrayList<>();
    if (discover) {
      Map<String, PaperSourceProvider> discovered = new LinkedHashMap<>();
      Iterator<ServiceLoader.Provider<PaperSourceProvider>> it =
          ServiceLoader.load(PaperSourceProvider.class, loader).stream().iterator();
      while (true) {
        ServiceLoader.Provider<PaperSourceProvider> candidate;
        try {
          if (!it.hasNext()) {
            break;
          }
          candidate = it.next();
        } catch (ServiceConfigurationError e) {
          report(failures, "a provider (" + e.getMessage() + ")", e);
          continue;
        }
        String className = candidate.type().getName();
        PaperSourceProvider provider;
        String id;
        try {
          provider = candidate.get();
          id = checkedId(provider);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          report(failures, className, e);
          continue;
        }
        if (byId.containsKey(id)) {
          LOG.log(
              Level.DEBUG,
              () ->
                  "source '"
                      + id
                      + "' registered on the builder; ignoring discovered "
                      + className);
          continue;
        }
        PaperSourceProvider previous = discovered.putIfAbsent(id, provider);
        if (previous != null && !previous.getClass().getName().equals(className)) {
          throw duplicate(id, previous, provider);
        }
      }
      // by id, not by class-path order: what sources() lists and paper(id) asks does not change
      // with the order of jars
      new java.util.TreeMap<>(discovered).forEach(byId::put);
    }
    return new SourceRegistry(byId, List.copyOf(failures));
  }

  private static void report(List<String> failures, String className, Throwable e) {
    String message = className + " failed to load: " + e;
    failures.add(message);
    LOG.log(Level.WARNING, "Skipping paper source provider " + message, e);
  }

  private static String checkedId(PaperSourceProvider provider) {
    String id = provider.id();
    if (id == null || !ID.matcher(id).matches()) {
      throw new SourceConfigurationException(
          null,
          "Source provider "
              + provider.getClass().getName()
              + " has an invalid id '"
              + id
              + "' (expected lower-case letters, digits and dashes)",
          null);
    }
    return id;
  }

  private static SourceConfigurationException duplicate(
      String id, PaperSourceProvider a, PaperSourceProvider b) {
    return new SourceConfigurationException(
        id,
        "two source providers have the id '"
            + id
            + "': "
            + a.getClass().getName()
            + " and "
            + b.getClass().getName()
            + "; remove one from the class path or register the one to use on the builder",
        null);
  }

  /** The known ids: builder-registered ones in order, then discovered ones by id. */
  public List<String> ids() {
    return List.copyOf(providers.keySet());
  }

  /** Providers that failed to load, with their class names and reasons. */
  public List<String> failures() {
    return failures;
  }

  /**
   * The provider of {@code id}.
   *
   * @throws UnknownSourceException listing the known ids
   */
  public PaperSourceProvider provider(String id) {
    PaperSourceProvider provider = providers.get(id);
    if (provider == null) {
      throw new UnknownSourceException(
          id,
          ids(),
          failures.isEmpty()
              ? ""
              : "Providers that failed to load: " + String.join("; ", failures));
    }
    return provider;
  }
}
