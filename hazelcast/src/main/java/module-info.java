/**
 * PaperDigest fleets on Hazelcast: one politeness budget and one result cache across the clients of
 * many processes. See {@link io.github.paperdigest.hazelcast.HazelcastFleet}.
 */
module io.github.paperdigest.hazelcast {
  requires transitive io.github.paperdigest;
  requires transitive com.hazelcast.core;
  requires static org.jspecify;

  exports io.github.paperdigest.hazelcast;

  provides io.github.paperdigest.spi.Coordination.Provider with
      io.github.paperdigest.hazelcast.HazelcastFleetProvider;
}
