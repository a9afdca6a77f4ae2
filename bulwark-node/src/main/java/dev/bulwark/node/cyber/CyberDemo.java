package dev.bulwark.node.cyber;

import dev.bulwark.cyber.sensor.SensorFormat;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The cyber part of {@code bulwark demo}: the demo indicators ({@code demo/cyber/indicators.json},
 * made up and labelled so, over the addresses of the real samples) go to the {@code intel}
 * collection, then a demo sensor of the node's nation replays the real Suricata and Zeek samples
 * ({@code demo/cyber/SOURCES.md}) a few lines every two seconds through the same intake a posting
 * sensor uses, so the console's Cyber page fills with live sightings. Runs once per start on a
 * daemon thread. On with {@code bulwark demo}, or alone with {@code bulwark.cyber.demo=true}.
 */
@Component
@ConditionalOnExpression("${bulwark.cyber.demo:${bulwark.demo:false}}")
public class CyberDemo {
  private static final Logger LOG = LoggerFactory.getLogger(CyberDemo.class);
  static final String SENSOR = "demo-sensor";
  static final int LINES_PER_STEP = 12;

  private final ObjectProvider<CyberIntake> intake;
  private final ObjectProvider<IndicatorIndexes> indexes;
  private final ObjectStore store;
  private final String nation;
  private final long stepMillis;

  CyberDemo(
      ObjectProvider<CyberIntake> intake,
      ObjectProvider<IndicatorIndexes> indexes,
      ObjectStore store,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.cyber.demo.step-millis:2000}") long stepMillis) {
    this.intake = intake;
    this.indexes = indexes;
    this.store = store;
    this.nation = nation.toUpperCase(Locale.ROOT);
    this.stepMillis = stepMillis;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    CyberIntake in = intake.getIfAvailable();
    IndicatorIndexes ix = indexes.getIfAvailable();
    if (in == null || ix == null) {
      return;
    }
    int loaded = loadIndicators();
    ix.invalidate();
    Thread t = new Thread(() -> replay(in), "cyber-demo-replay");
    t.setDaemon(true);
    t.start();
    System.out.println(
        "  cyber console: /console/cyber.html  ("
            + loaded
            + " DEMO indicators, made up; real Suricata and Zeek samples replayed by '"
            + SENSOR
            + "')");
  }

  private int loadIndicators() {
    store.ensureCollection(
        new CollectionInfo(
            "intel",
            "Shared intelligence",
            "Hybrid-threat intelligence shared with allies",
            Set.of()));
    List<NewObject> objects = new ArrayList<>();
    try (InputStream json = resource("indicators.json")) {
      new StixCodec()
          .read(
              json,
              new StixReadListener() {
                @Override
                public void object(StixObject o, String location) {
                  objects.add(NewObject.from(o));
                }

                @Override
                public void malformed(String location, String message) {
                  LOG.warn("demo indicator {}: {}", location, message);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.addAll("intel", objects, new Provenance(nation, "demo"));
    return objects.size();
  }

  private void replay(CyberIntake in) {
    NodePrincipal sensor =
        new NodePrincipal(SENSOR, nation, EnumSet.of(Role.SENSOR), Optional.empty(), 0L, 0L, 0L);
    try {
      step(in, sensor, "surevego-eve.json", SensorFormat.EVE);
      step(in, sensor, "wrccdc-ssl.json", SensorFormat.ZEEK);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cyber demo replay stopped: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void step(CyberIntake in, NodePrincipal sensor, String file, SensorFormat format)
      throws IOException, InterruptedException {
    List<String> lines;
    try (InputStream s = resource(file)) {
      lines = new String(s.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int i = 0; i < lines.size(); i += LINES_PER_STEP) {
      String chunk =
          String.join("\n", lines.subList(i, Math.min(lines.size(), i + LINES_PER_STEP)));
      in.accept(sensor, format, new StringReader(chunk));
      Thread.sleep(stepMillis);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = CyberDemo.class.getResourceAsStream("/demo/cyber/" + name);
    if (in == null) {
      throw new IOException("demo resource missing: " + name);
    }
    return in;
  }
}
