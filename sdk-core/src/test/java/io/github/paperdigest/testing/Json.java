package io.github.paperdigest.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Builds the test source's JSON pages. */
public final class Json {
  private Json() {}

  public static String paper(
      String id, String title, int upvotes, String published, String... authors) {
    return "{\"id\":\""
        + id
        + "\",\"title\":\""
        + title
        + "\",\"abstract\":\"About "
        + title
        + "\","
        + "\"upvotes\":"
        + upvotes
        + ",\"published\":\""
        + published
        + "\",\"categories\":[\"cs.CL\"],"
        + "\"authors\":["
        + List.of(authors).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(","))
        + "]}";
  }

  public static String page(String next, String... papers) {
    return "{\"papers\":["
        + String.join(",", papers)
        + "],\"next\":"
        + (next == null ? "null" : "\"" + next + "\"")
        + "}";
  }
}
