package io.github.paperdigest.examples;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.paperdigest.PaperDigest;
import io.github.paperdigest.hazelcast.HazelcastFleet;

/**
 * The README's fleet block, compiled (apart from {@link Readme}: its imports are not a newcomer's).
 */
final class ReadmeFleet {
  private ReadmeFleet() {}

  static PaperDigest fleet() {
    // guide:fleet
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastFleet.configure(new Config()));
    PaperDigest client =
        PaperDigest.builder()
            .coordination(HazelcastFleet.coordination(hz)) // one politeness budget, one cache
            .build(); // close the client, then shut hz down: the instance is yours
    // guide:end
    return client;
  }
}
