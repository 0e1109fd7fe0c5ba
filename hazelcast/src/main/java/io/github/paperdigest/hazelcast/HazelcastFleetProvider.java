package io.github.paperdigest.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.FileSystemYamlConfig;
import com.hazelcast.core.Hazelcast;
import io.github.paperdigest.model.SourceConfigurationException;
import io.github.paperdigest.spi.Coordination;
import java.io.FileNotFoundException;
import java.util.Locale;
import java.util.Optional;

/**
 * Joins the cluster the system property {@code paperdigest.hazelcast.config} describes (a Hazelcast
 * XML or YAML file), for clients built without a coordination such as the CLI's. Found with {@link
 * java.util.ServiceLoader}; the client that asked leaves the cluster when it is closed.
 */
public final class HazelcastFleetProvider implements Coordination.Provider {
  /** The system property naming the member's configuration file. */
  public static final String CONFIG_PROPERTY = "paperdigest.hazelcast.config";

  /** Made by {@link java.util.ServiceLoader}. */
  public HazelcastFleetProvider() {}

  @Override
  public Optional<Coordination> fromSystemProperties() {
    String file = System.getProperty(CONFIG_PROPERTY);
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    Config config;
    try {
      String lower = file.toLowerCase(Locale.ROOT);
      config =
          lower.endsWith(".yaml") || lower.endsWith(".yml")
              ? new FileSystemYamlConfig(file)
              : new FileSystemXmlConfig(file);
    } catch (FileNotFoundException | RuntimeException e) {
      throw new SourceConfigurationException(
          null,
          CONFIG_PROPERTY + "=" + file + " cannot be read as a Hazelcast configuration: " + e,
          e);
    }
    try {
      return Optional.of(
          new HazelcastCoordination(
              Hazelcast.newHazelcastInstance(HazelcastFleet.configure(config)), true));
    } catch (RuntimeException e) {
      throw new SourceConfigurationException(
          null, "cannot join the cluster " + CONFIG_PROPERTY + "=" + file + " describes: " + e, e);
    }
  }
}
