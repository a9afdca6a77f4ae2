package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry.Decision;
import dev.bulwark.node.store.ImportSummary;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StixImporter;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.validation.StixValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark stix import FILE... --collection NAME}: validates each object and stores the valid
 * ones in the node's database (BULWARK_HOME), without starting the node. Each file's import (its
 * SHA-256 and counts) is recorded in the audit log. Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import STIX 2.1 bundles or JSON lines into a collection of the node's store.",
    footer =
        "Exit status: 0 all stored (or already held), 1 some objects rejected, 2 unreadable input or store.")
final class StixImportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; - reads stdin.")
  List<String> files;

  @Option(
      names = "--collection",
      required = true,
      paramLabel = "NAME",
      description = "The collection to import into (created when missing).")
  String collection;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      defaultValue = "cli",
      description = "Who is recorded as having added the objects (default: ${DEFAULT-VALUE}).")
  String addedBy;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    NodeSettings settings = NodeSettings.load();
    return CollectionImport.into(
        settings, collection, "stix import", out, (stores, store) -> run(settings, stores, store));
  }

  private int run(NodeSettings settings, NodeStores stores, ObjectStore store) {
    PrintStream out = System.out;
    StixImporter importer = new StixImporter(new StixCodec(), new StixValidator(), store);
    Provenance provenance = new Provenance(settings.nation(), addedBy);
    long stored = 0;
    long duplicates = 0;
    long rejected = 0;
    boolean unreadable = false;
    Map<String, Integer> byRule = new LinkedHashMap<>();
    for (String file : files) {
      ImportSummary summary;
      MessageDigest digest = sha256();
      try (InputStream in = new DigestInputStream(StixValidateCommand.open(file), digest)) {
        summary = importer.importFrom(in, file, collection, provenance);
        in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole input
      } catch (NoSuchFileException e) {
        out.printf("%s: no such file%n", file);
        unreadable = true;
        continue;
      } catch (IOException e) {
        out.printf("%s: cannot read: %s%n", file, e.getMessage());
        stores.record(
            "stix.import",
            collection,
            Decision.ALLOW,
            List.of(),
            file
                + ": stopped, cannot read: "
                + e.getMessage()
                + " (objects read before may be stored); added as "
                + addedBy);
        unreadable = true;
        continue;
      }
      stores.record(
          "stix.import",
          collection,
          Decision.ALLOW,
          List.of(),
          String.format(
              "%s (sha256 %s): %d stored, %d already held, %d rejected; added as %s",
              file,
              HexFormat.of().formatHex(digest.digest()),
              summary.stored(),
              summary.duplicates(),
              summary.rejected(),
              addedBy));
      unreadable |= report(out, file, summary, byRule);
      stored += summary.stored();
      duplicates += summary.duplicates();
      rejected += summary.rejected();
    }
    out.printf(
        "collection %s: %d stored, %d skipped as duplicates, %d rejected%s%n",
        collection, stored, duplicates, rejected, byRule.isEmpty() ? "" : " " + byRule);
    return unreadable ? 2 : rejected > 0 ? 1 : 0;
  }

  /**
   * Prints a file's counts and its first rejections, and counts its rejections by rule; returns
   * whether some of its input was malformed.
   */
  private static boolean report(
      PrintStream out, String file, ImportSummary summary, Map<String, Integer> byRule) {
    out.printf(
        "%s: %d stored, %d already held, %d rejected%n",
        file, summary.stored(), summary.duplicates(), summary.rejected());
    boolean malformed = false;
    for (ImportSummary.Rejection r : summary.rejections()) {
      byRule.merge(r.rule(), 1, Integer::sum);
      malformed |= r.rule().equals("malformed");
    }
    CollectionImport.printFirst(
        out,
        summary.rejections(),
        summary.rejected(),
        "  ... and %d more rejection(s)",
        r ->
            String.format(
                "  rejected %s%s: [%s] %s",
                r.location(),
                r.objectId().isEmpty() ? "" : " " + r.objectId(),
                r.rule(),
                r.reason()));
    printRepairs(out, summary);
    return malformed;
  }

  /** The import normaliser's repairs of stored objects, as warnings (the first few). */
  static void printRepairs(PrintStream out, ImportSummary summary) {
    CollectionImport.printFirst(
        out,
        summary.repairs(),
        summary.repairs().size(),
        "  ... and %d more warning(s)",
        r -> String.format("  warning %s %s: %s", r.location(), r.objectId(), r.warning()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
