package dev.bulwark.node.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest. Stateless and thread-safe. */
final class BulwarkVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = BulwarkVersion.class.getPackage().getImplementationVersion();
    return new String[] {"bulwark " + (version == null ? "development build" : version)};
  }
}
