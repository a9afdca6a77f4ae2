package dev.bulwark.misp.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.misp.Counts;
import dev.bulwark.misp.EventSink;
import dev.bulwark.misp.ImportResult;
import dev.bulwark.misp.MispImport;
import dev.bulwark.misp.audience.AudienceSettings;
import dev.bulwark.misp.read.MispReader;
import dev.bulwark.misp.stix.EventConversion;
import dev.bulwark.misp.write.StixToMisp;
import dev.bulwark.stix.StixObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MISP feed imports whole and then incrementally by manifest timestamps (nothing new the
 * second time); the sample's hashes.csv matches its events; a feed written from STIX reads back.
 */
class FeedTest {
  @TempDir Path tmp;

  private Path copyFeed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("feed"));
    for (String f :
        List.of(
            "manifest.json",
            "hashes.csv",
            "6a10e5d8-f1cd-42b0-8240-a4650efd83d6.json",
            "8f09de10-6867-45c6-814d-3d91a33d3af7.json",
            "d177856e-6e46-44ee-8eb5-83ef1c7452c7.json")) {
      try (InputStream in = FeedTest.class.getResourceAsStream("/dev/bulwark/misp/feed/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  /** A sink that holds events by (uuid, timestamp), as a store would. */
  static final class MemorySink implements EventSink {
    final Map<String, EventConversion> held = new HashMap<>();

    @Override
    public Stored accept(EventConversion c) {
      String key = c.eventUuid() + "@" + c.eventTimestamp();
      return held.putIfAbsent(key, c) == null ? Stored.STORED : Stored.HELD;
    }
  }

  @Test
  void importsARealFeedThenNothingNewByCursor() throws Exception {
    Path dir = copyFeed();
    MemorySink sink = new MemorySink();
    AudienceSettings s = AudienceSettings.ownOnly("EST");
    ImportResult first = new MispImport(s, sink).importFeed(FeedSource.directory(dir), 0);
    assertThat(first.events()).isEqualTo(new Counts(3, 0, 0));
    assertThat(first.attributes()).isEqualTo(new Counts(864, 0, 0));
    assertThat(first.exitCode()).isZero();
    assertThat(first.cursor()).isEqualTo(1779411638L);
    ImportResult again =
        new MispImport(s, sink).importFeed(FeedSource.directory(dir), first.cursor());
    assertThat(again.events()).isEqualTo(Counts.ZERO);
    assertThat(again.cursor()).isEqualTo(first.cursor());
    ImportResult whole = new MispImport(s, sink).importPaths(List.of(dir));
    assertThat(whole.events()).isEqualTo(new Counts(0, 3, 0));
  }

  @Test
  void theSamplesHashesMatchItsEvents() throws Exception {
    FeedReader r = new FeedReader(FeedSource.directory(copyFeed()), new MispReader());
    Set<String> hashes = new HashSet<>();
    r.hashes().forEach(h -> hashes.add(h.eventUuid() + "," + h.md5()));
    for (ManifestEntry m : r.manifest()) {
      r.event(m.uuid())
          .attributes()
          .forEach(a -> assertThat(hashes).contains(m.uuid() + "," + FeedWriter.md5(a.value())));
    }
  }

  @Test
  void aRejectedEventFileHoldsTheCursorBack() throws Exception {
    Path dir = copyFeed();
    Files.writeString(dir.resolve("8f09de10-6867-45c6-814d-3d91a33d3af7.json"), "{\"Event\": 1}");
    ImportResult r =
        new MispImport(AudienceSettings.ownOnly("EST"), new MemorySink())
            .importFeed(FeedSource.directory(dir), 0);
    assertThat(r.rejections()).hasSize(1);
    assertThat(r.rejections().get(0).path()).isEqualTo("$.Event");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.cursor()).isLessThan(1779411630L);
  }

  @Test
  void writesAFeedThatReadsBack() throws Exception {
    MemorySink sink = new MemorySink();
    AudienceSettings s = AudienceSettings.ownOnly("EST");
    new MispImport(s, sink).importFeed(FeedSource.directory(copyFeed()), 0);
    List<StixObject> all = new ArrayList<>();
    sink.held.values().forEach(c -> all.addAll(c.objects()));
    Map<String, StixObject> byId = new HashMap<>();
    all.forEach(o -> byId.put(o.id(), o));
    var export =
        new StixToMisp(s)
            .export("feed", all, id -> Optional.ofNullable(byId.get(id)), o -> "EST", "EST");
    Path out = tmp.resolve("out");
    FeedWriter w = new FeedWriter(out);
    for (var e : export.events()) {
      w.add(e);
    }
    w.finish();
    FeedReader back = new FeedReader(FeedSource.directory(out), new MispReader());
    assertThat(back.manifest()).hasSize(3);
    assertThat(back.hashes()).hasSize(864);
    int attrs = 0;
    for (ManifestEntry m : back.manifest()) {
      attrs += back.event(m.uuid()).attributeCount();
    }
    assertThat(attrs).isEqualTo(864);
  }
}
