package dev.bulwark.node.cli;

import dev.bulwark.ais.AisCounters;
import dev.bulwark.ais.AisDecoder;
import dev.bulwark.ais.DecodedMessage;
import dev.bulwark.ais.gpsd.GpsdJsonWriter;
import dev.bulwark.ais.source.PacedReplay;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark ais decode FILE|-}: prints one gpsd-style AIS JSON object per decoded message on
 * stdout, and a summary of rejected input on stderr. Exit 0 when every AIS sentence decoded, 1 when
 * some input was rejected, 2 when the input cannot be read. Not thread-safe.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decode NMEA AIS sentences (plain or gzip; - for stdin) to gpsd's AIS JSON, one object per line.",
    footer = "Exit status: 0 all AIS input decoded, 1 some input rejected, 2 unreadable input.")
final class AisDecodeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "Capture to decode; - reads stdin.")
  String file;

  @Option(names = "--device", paramLabel = "NAME",
      description = "Value of the \"device\" member (default: stdin, as gpsdecode).")
  String device = "stdin";

  @Option(names = "--errors", description = "Print every rejected line (with its line number) on stderr.")
  boolean errors;

  @Option(names = "--pace", paramLabel = "FACTOR",
      description = "Replay at the recorded pace (tag-block or $PGHP times) times FACTOR, e.g. 1 or 60;"
          + " default: as fast as possible.")
  Double pace;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    GpsdJsonWriter json = new GpsdJsonWriter(device);
    Consumer<DecodedMessage> print = m -> json.toJson(m.message()).ifPresent(s -> {
      try {
        out.write(s);
        out.write('\n');
        if (pace != null) {
          out.flush(); // a paced replay is watched as it happens
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (pace != null && !(pace > 0)) {
      err.println("--pace must be positive: " + pace);
      return 2;
    }
    AisDecoder.Builder builder = AisDecoder.builder(pace == null ? print : new PacedReplay(print, pace))
        .source(file.equals("-") ? "stdin" : file);
    if (errors) {
      builder.onRejection(r -> err.println(file + ": " + r.describe()));
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
    if (c.rejectedTotal() > 0) {
      err.println(file + ": " + c.messages() + " messages decoded, " + c.rejectedTotal()
          + " rejected: " + c.snapshot().rejections());
      return 1;
    }
    return 0;
  }
}
