package dev.bulwark.node.cli;

import dev.bulwark.ais.AisCounters;
import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.gpsd.GpsdJsonWriter;
import dev.bulwark.ais.source.Backoff;
import dev.bulwark.ais.source.PacedReplay;
import dev.bulwark.ais.source.TcpAisClient;
import dev.bulwark.ais.source.UdpAisListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark ais decode FILE|-|tcp://HOST:PORT|udp://[BIND]:PORT}: prints one gpsd-style AIS
 * JSON object per decoded message on stdout, and a summary of rejected input on stderr. Exit 0 when
 * every AIS sentence decoded (live feeds: always, they report rejections), 1 when some input was
 * rejected, 2 when the input cannot be read. Not thread-safe.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description =
        "Decode NMEA AIS sentences (plain or gzip; - for stdin) to gpsd's AIS JSON, one object per line.",
    footer =
        "Exit status: 0 all AIS input decoded, 1 some input rejected or no AIS sentence at all"
            + " (not an NMEA capture), 2 unreadable input.")
final class AisDecodeCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      description =
          "Capture to decode; - reads stdin;"
              + " tcp://HOST:PORT reads a live feed (reconnecting), udp://[BIND]:PORT listens for datagrams.")
  String file;

  @Option(
      names = "--max-messages",
      paramLabel = "N",
      description = "Stop after N messages (useful with live feeds).")
  Long maxMessages;

  @Option(
      names = "--device",
      paramLabel = "NAME",
      description = "Value of the \"device\" member (default: stdin, as gpsdecode).")
  String device = "stdin";

  @Option(
      names = "--gpsd-exact",
      description = "Reproduce gpsd's known omission too (type 26 radio status written as 0).")
  boolean gpsdExact;

  @Option(
      names = "--errors",
      description = "Print every rejected line (with its line number) on stderr.")
  boolean errors;

  @Option(
      names = "--pace",
      paramLabel = "FACTOR",
      description =
          "Replay at the recorded pace (tag-block or $PGHP times) times FACTOR, e.g. 1 or 60;"
              + " default: as fast as possible.")
  Double pace;

  private final AtomicLong printed = new AtomicLong();
  private final CountDownLatch enough = new CountDownLatch(1);
  private boolean live;

  @Override
  public Integer call() {
    live = file.startsWith("tcp://") || file.startsWith("udp://");
    PrintStream err = System.err;
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    GpsdJsonWriter json = new GpsdJsonWriter(device, gpsdExact);
    Consumer<DecodedMessage> print =
        m ->
            json.toJson(m.message())
                .ifPresent(
                    s -> {
                      if (maxMessages != null && printed.get() >= maxMessages) {
                        return;
                      }
                      try {
                        out.write(s);
                        out.write('\n');
                        if (pace != null || live) {
                          out.flush(); // a paced replay or a live feed is watched as it happens
                        }
                        if (maxMessages != null && printed.incrementAndGet() >= maxMessages) {
                          enough.countDown();
                        }
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
    if (pace != null && !(pace > 0)) {
      err.println("--pace must be positive: " + pace);
      return 2;
    }
    AisDecoder.Builder builder =
        AisDecoder.builder(pace == null ? print : new PacedReplay(print, pace))
            .source(file.equals("-") ? "stdin" : file);
    if (errors) {
      builder.onRejection(r -> err.println(file + ": " + r.describe()));
    }
    if (file.startsWith("tcp://") || file.startsWith("udp://")) {
      return live(builder, out, err);
    }
    AisDecoder decoder = builder.build();
    try {
      AisInput.readLines(file, decoder::accept);
      decoder.finish();
      out.flush();
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file");
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println(file + ": cannot read: " + e.getMessage());
      return 2;
    }
    AisCounters c = decoder.counters();
    if (c.sentences() == 0) {
      err.println(AisInput.notNmea(file, c.lines()));
      return 1;
    }
    noteType24(err, json);
    if (c.rejectedTotal() > 0) {
      err.println(
          file
              + ": "
              + c.messages()
              + " messages decoded, "
              + c.rejectedTotal()
              + " rejected: "
              + c.snapshot().rejections());
      return 1;
    }
    return 0;
  }

  /**
   * Says why fewer type 24 objects were printed than {@code ais stats} counts: gpsd's dialect
   * merges each part A into its part B (one object per vessel), and a part without its other half
   * in the capture is not printed.
   */
  private void noteType24(PrintStream err, GpsdJsonWriter json) {
    long[] t = json.type24Counts();
    if (t[0] + t[1] > t[2]) {
      err.printf(
          Locale.ROOT,
          "%s: %d type 24 parts (%d A, %d B) printed as %d objects: as gpsd, each part B is"
              + " printed with its vessel's part A (name) merged in; %d parts B without an"
              + " earlier part A and %d parts A still waiting for their part B are not printed%n",
          file,
          t[0] + t[1],
          t[0],
          t[1],
          t[2],
          t[1] - t[2],
          t[0] - t[2]);
    }
  }

  /**
   * Reads a live feed until --max-messages are printed (or forever, until the process is stopped).
   */
  private int live(AisDecoder.Builder builder, Writer out, PrintStream err) {
    AisDecoder decoder = builder.clock(Clock.systemUTC()).build();
    String address = file.substring("tcp://".length());
    int colon = address.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      err.println(file + ": expected tcp://HOST:PORT or udp://[BIND]:PORT");
      return 2;
    }
    String host = colon > 0 ? address.substring(0, colon) : "0.0.0.0";
    AutoCloseable source;
    try {
      if (file.startsWith("tcp://")) {
        TcpAisClient tcp = new TcpAisClient(host, port, decoder::accept, Backoff.DEFAULT);
        tcp.start();
        source = tcp;
      } else {
        UdpAisListener udp = new UdpAisListener(host, port, decoder::accept);
        udp.start();
        source = udp;
      }
    } catch (IOException e) {
      err.println(file + ": cannot listen: " + e.getMessage());
      return 2;
    }
    try {
      enough.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        source.close();
        out.flush();
      } catch (Exception e) {
        err.println(file + ": " + e.getMessage());
      }
    }
    AisCounters c = decoder.counters();
    if (c.rejectedTotal() > 0) {
      err.println(
          file
              + ": "
              + c.messages()
              + " messages decoded, "
              + c.rejectedTotal()
              + " rejected: "
              + c.snapshot().rejections());
    }
    return 0;
  }
}
