package dev.bulwark.node.cli;

import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads the infrastructure layer for the maritime commands: a GeoJSON file, or the shipped Baltic
 * layer.
 */
final class MaritimeInfra {

  /** Thrown when the layer cannot be used; carries the exit code. */
  static final class Failure extends Exception {
    final int exitCode;

    Failure(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  private MaritimeInfra() {}

  static InfrastructureLayer load(Path file, PrintStream err) throws Failure {
    GeoJsonInfrastructure.Load load;
    if (file == null) {
      load = GeoJsonInfrastructure.baltic();
      err.println(
          "infrastructure: shipped schematic Baltic layer ("
              + load.assets().size()
              + " assets; waypoints schematic, corridors 3 km; use --infra FILE for surveyed routes)");
    } else {
      try {
        load = GeoJsonInfrastructure.read(file);
      } catch (UncheckedIOException e) {
        throw new Failure(e.getMessage(), 2);
      } catch (IllegalArgumentException e) {
        throw new Failure(e.getMessage(), 1);
      }
      err.println(
          "infrastructure: "
              + file
              + ": "
              + load.assets().size()
              + " assets, "
              + load.problems().size()
              + " skipped");
    }
    load.problems().forEach(p -> err.println("  skipped " + p));
    return load.layer();
  }
}
