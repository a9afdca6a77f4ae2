package dev.bulwark.node.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark tls}: the node's HTTPS certificate. Not thread-safe. */
@Command(
    name = "tls",
    mixinStandardHelpOptions = true,
    description = "The node's HTTPS certificate: hand it to peers with export-cert.",
    subcommands = {TlsExportCertCommand.class})
final class TlsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
