package io.github.paperdigest.examples;

import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.SourceInfo;

/**
 * Lists the sources PaperDigest discovers on the class path, with what each evaluates natively.
 * Needs no network: run it with {@code mvn -q -pl examples exec:java}.
 */
public final class ListSources {
  private ListSources() {}

  public static void main(String[] args) {
    try (PaperDigest client = PaperDigest.create()) {
      for (SourceInfo source : client.sources()) {
        System.out.printf("%-10s %s%n", source.id(), source.description());
        System.out.printf(
            "%-10s native criteria %s, sorts %s, metrics %s, digests %s, lookup %s%n",
            "",
            source.capabilities().criteria(),
            source.capabilities().sorts(),
            source.capabilities().metrics(),
            source.capabilities().periods(),
            source.capabilities().lookup() ? source.capabilities().idNamespaces() : "no");
      }
    }
  }
}
