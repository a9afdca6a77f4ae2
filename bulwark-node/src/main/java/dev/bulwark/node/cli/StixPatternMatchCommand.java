package dev.bulwark.node.cli;

import dev.bulwark.stix.pattern.Observation;
import dev.bulwark.stix.pattern.Observations;
import dev.bulwark.stix.pattern.PatternEvaluationException;
import dev.bulwark.stix.pattern.PatternException;
import dev.bulwark.stix.pattern.StixPattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark stix pattern match -p PATTERNS_FILE -f OBSERVATIONS.json}: like the OASIS
 * reference matcher's command line. Patterns one per line (blank lines and lines starting with
 * {@code #} skipped); observations a bundle, a list of bundles or a list of objects (STIX 2.1
 * observed-data with object_refs, or the deprecated embedded objects). Prints {@code MATCH: p},
 * {@code NO MATCH: p} or {@code ERROR: p: reason} per pattern; exit 0 when all matched, 1 when some
 * did not, 2 when a pattern is invalid or cannot be evaluated, or the input is unreadable. Not
 * thread-safe.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Match STIX patterns (one per line) against STIX observed-data.",
    footer = "Exit status: 0 all matched, 1 some did not match, 2 an error or unreadable input.")
final class StixPatternMatchCommand implements Callable<Integer> {

  @Option(
      names = {"-p", "--patterns"},
      required = true,
      paramLabel = "PATTERNS_FILE",
      description = "Patterns, one per line; blank lines and # comments skipped.")
  Path patterns;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "OBSERVATIONS.json",
      description = "A bundle, a list of bundles or a list of STIX objects.")
  Path file;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    List<String> lines;
    List<Observation> observations;
    try (InputStream in = Files.newInputStream(file)) {
      lines = Files.readAllLines(patterns, StandardCharsets.UTF_8);
      observations = Observations.read(in);
    } catch (IOException e) {
      System.err.println("cannot read " + e.getMessage());
      return 2;
    } catch (PatternEvaluationException e) {
      System.err.println(file + ": " + e.getMessage());
      return 2;
    }
    boolean error = false;
    boolean missed = false;
    for (String line : lines) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      try {
        if (StixPattern.compile(pattern).matches(observations)) {
          out.println("MATCH: " + pattern);
        } else {
          out.println("NO MATCH: " + pattern);
          missed = true;
        }
      } catch (PatternException | PatternEvaluationException e) {
        out.println("ERROR: " + pattern + ": " + e.getMessage());
        error = true;
      }
    }
    return error ? 2 : missed ? 1 : 0;
  }
}
