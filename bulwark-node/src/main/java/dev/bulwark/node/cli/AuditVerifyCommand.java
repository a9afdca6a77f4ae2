package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AnchorJson;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark audit verify [--anchors FILE]}: walks the keyed chain and checks its head; with
 * anchors a peer exported, also checks that this node's records at those numbers still have the
 * links the peer received. Exit 0 when intact, 1 naming the first bad record otherwise. Not
 * thread-safe.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Prove the audit log's keyed chain and its head intact, or name the first bad record.",
      "With --anchors, also check this node's records against the anchors a peer received from it "
          + "(bulwark audit anchors --json on the peer): a rewrite, even with this node's key, shows there."
    },
    footer =
        "Exit status: 0 intact, 1 tampered (or no anchor of this node in FILE), 2 store, key or file unreadable.")
final class AuditVerifyCommand implements Callable<Integer> {
  @Option(
      names = "--anchors",
      paramLabel = "FILE",
      description = "Anchors exported by a peer (JSON, bulwark audit anchors --json there).")
  Path anchorsFile;

  @Override
  public Integer call() {
    List<AnchorStore.Exchanged> anchors = List.of();
    if (anchorsFile != null) {
      try {
        anchors = AnchorJson.parseExport(Files.readString(anchorsFile, StandardCharsets.UTF_8));
      } catch (IOException | IllegalArgumentException e) {
        System.err.println(
            "bulwark audit verify: cannot read anchors from "
                + anchorsFile
                + ": "
                + e.getMessage());
        return 2;
      }
    }
    try (NodeStores stores = new NodeStores()) {
      AuditLog.Verification v =
          stores.audit.verify(
              n -> {
                if (n > 0 && n % 100_000 == 0) {
                  System.err.printf("  %d records checked%n", n);
                }
              });
      boolean intact = v.intact();
      if (v.intact()) {
        System.out.printf(
            "audit log intact: %d record(s), chain and head verified (key %s)%n",
            v.records(), stores.audit.keys().current().id());
      } else {
        AuditLog.Break b = v.firstBreak().orElseThrow();
        System.out.printf(
            "audit log TAMPERED: first bad record is #%d (%s); %d record(s) before it are intact%n",
            b.seq(), b.reason(), v.records());
      }
      if (anchorsFile != null) {
        intact &= checkAnchors(stores, anchors);
      }
      return intact ? 0 : 1;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark audit verify: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  /** Checks the anchors this node sent (received by the peer, of this node's nation). */
  private boolean checkAnchors(NodeStores stores, List<AnchorStore.Exchanged> all) {
    String nation = stores.settings.nation();
    List<AnchorStore.Exchanged> ours =
        all.stream()
            .filter(
                e -> e.direction() == AnchorStore.Direction.RECEIVED && e.nation().equals(nation))
            .toList();
    if (ours.isEmpty()) {
      System.out.printf(
          "anchors: %s holds no anchor received from a node of %s: nothing to check against%n",
          anchorsFile, nation);
      return false;
    }
    AuditLog.AnchorCheck check =
        stores.audit.checkAnchors(ours.stream().map(AnchorStore.Exchanged::anchor).toList());
    if (check.intact()) {
      long newest = ours.stream().mapToLong(e -> e.anchor().seq()).max().orElse(0);
      System.out.printf(
          "anchors intact: %d anchor(s) of %s checked, up to record #%d%n",
          check.checked(), nation, newest);
      return true;
    }
    AuditLog.AnchorMismatch first = check.mismatches().get(0);
    System.out.printf(
        "anchors TAMPERED: first bad record is #%d (%s); %d of %d anchor(s) do not hold%n",
        first.anchor().seq(), first.reason(), check.mismatches().size(), check.checked());
    return false;
  }
}
