package dev.bulwark.node.cli;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixReadListener;
import dev.bulwark.stix.validation.Finding;
import dev.bulwark.stix.validation.StixValidator;
import dev.bulwark.stix.validation.ValidationProfile;
import dev.bulwark.stix.validation.ValidationResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bulwark stix validate [--profile stix-2.1|interop] FILE...}: checks every object against
 * the STIX 2.1 rules, or with {@code --profile interop} also against the OASIS STIX 2.1
 * interoperability profile. Exit 0 when every object is valid, 1 when any is not, 2 when a file
 * cannot be read or parsed. Not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate STIX 2.1 objects, bundles or JSON lines (- for standard input).",
    footer = "Exit status: 0 all valid, 1 invalid objects found, 2 unreadable input.")
final class StixValidateCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Files to validate; - reads stdin.")
  List<String> files;

  @Option(names = "--json", description = "Print a machine-readable JSON report.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only invalid objects and the summary.")
  boolean quiet;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      converter = ProfileConverter.class,
      description =
          "stix-2.1 (default): the specification; interop: also the OASIS STIX 2.1 interoperability"
              + " profile (created_by_ref, per-type properties, at most one STIX 2.1 TLP marking).")
  ValidationProfile profile = ValidationProfile.STIX_2_1;

  @Override
  public Integer call() {
    StixCodec codec = new StixCodec();
    StixValidator validator = new StixValidator(profile);
    PrintStream out = System.out;
    JsonMapper mapper = JsonMapper.builder().build();
    ArrayNode report = mapper.createArrayNode();
    boolean unreadable = false;
    long objects = 0;
    long invalid = 0;
    long warnings = 0;
    for (String file : files) {
      FileReport fileReport = new FileReport(file, validator);
      try (InputStream in = open(file)) {
        codec.read(in, fileReport);
      } catch (NoSuchFileException e) {
        fileReport.malformed("", "no such file");
      } catch (IOException e) {
        fileReport.malformed("", "cannot read: " + e.getMessage());
      }
      unreadable |= !fileReport.malformed.isEmpty();
      objects += fileReport.objects;
      invalid += fileReport.invalid;
      warnings += fileReport.warnings;
      if (json) {
        report.add(fileReport.toJson(mapper));
      } else {
        fileReport.print(out, quiet);
      }
    }
    if (json) {
      ObjectNode root = mapper.createObjectNode();
      root.put("profile", profile.cliName());
      root.put("objects", objects);
      root.put("invalid", invalid);
      root.put("warnings", warnings);
      root.put("unreadable", unreadable);
      root.set("files", report);
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.printf(
          "%d object(s) checked against %s: %d valid, %d invalid, %d warning(s)%s%n",
          objects,
          profile.title(),
          objects - invalid,
          invalid,
          warnings,
          unreadable ? "; some input unreadable" : "");
    }
    return unreadable ? 2 : invalid > 0 ? 1 : 0;
  }

  static InputStream open(String file) throws IOException {
    return file.equals("-")
        ? new BufferedInputStream(System.in, 1 << 16)
        : new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16);
  }

  /** Reads {@code --profile} values without regard to case ({@code interop}, {@code stix-2.1}). */
  static final class ProfileConverter implements ITypeConverter<ValidationProfile> {
    @Override
    public ValidationProfile convert(String value) {
      return ValidationProfile.fromName(value);
    }
  }

  /** Collects the findings of one file. */
  private static final class FileReport implements StixReadListener {
    final String file;
    final StixValidator validator;
    final List<String> lines = new ArrayList<>();
    final List<String[]> malformed = new ArrayList<>();
    final List<ObjectNode> jsonObjects = new ArrayList<>();
    final JsonMapper mapper = JsonMapper.builder().build();
    long objects;
    long invalid;
    long warnings;

    FileReport(String file, StixValidator validator) {
      this.file = file;
      this.validator = validator;
    }

    @Override
    public void object(StixObject object, String location) {
      objects++;
      ValidationResult result = validator.validate(object);
      warnings += result.warnings().size();
      if (!result.valid()) {
        invalid++;
      }
      if (result.findings().isEmpty()) {
        return;
      }
      String label = object.id().isEmpty() ? "(no id)" : object.id();
      lines.add((result.valid() ? "  " : "✗ ") + location + " " + label);
      ObjectNode o = mapper.createObjectNode();
      o.put("location", location);
      o.put("id", object.id());
      o.put("valid", result.valid());
      ArrayNode findings = o.putArray("findings");
      for (Finding f : result.findings()) {
        lines.add(
            String.format(
                "    %-7s %s [%s, %s §%s] %s",
                f.severity(),
                f.path(),
                f.rule(),
                f.interop() ? "STIX 2.1 Interop" : "STIX 2.1",
                f.section(),
                f.message()));
        ObjectNode jf = findings.addObject();
        jf.put("severity", f.severity().name());
        jf.put("path", f.path());
        jf.put("rule", f.rule());
        jf.put("section", f.section());
        jf.put("message", f.message());
      }
      jsonObjects.add(o);
    }

    @Override
    public void malformed(String location, String message) {
      malformed.add(new String[] {location, message});
    }

    void print(PrintStream out, boolean quiet) {
      out.printf("%s: %d object(s), %d invalid%n", file, objects, invalid);
      for (String line : lines) {
        if (!quiet || !line.startsWith("  ") || line.startsWith("    ")) {
          out.println(line);
        }
      }
      for (String[] m : malformed) {
        out.println("✗ " + (m[0].isEmpty() ? "" : m[0] + ": ") + "unreadable: " + m[1]);
      }
    }

    ObjectNode toJson(JsonMapper mapper) {
      ObjectNode f = mapper.createObjectNode();
      f.put("file", file);
      f.put("objects", objects);
      f.put("invalid", invalid);
      ArrayNode list = f.putArray("objects_with_findings");
      jsonObjects.forEach(list::add);
      ArrayNode bad = f.putArray("unreadable");
      for (String[] m : malformed) {
        ObjectNode b = bad.addObject();
        b.put("location", m[0]);
        b.put("message", m[1]);
      }
      return f;
    }
  }
}
