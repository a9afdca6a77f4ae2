package dev.bulwark.node.maritime;

import dev.bulwark.node.maritime.ingest.DemoReplaySource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.stix.StixIds;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The maritime part of {@code bulwark demo}: a watch officer principal (contributor) whose name and
 * token are kept in {@code BULWARK_HOME/demo-credentials.properties} (owner-only) so that a
 * restarted demo node keeps them, and the {@link DemoReplaySource} (the real Danish capture with
 * the scenarios mixed in, {@code bulwark.maritime.demo.pace} times real time, 60 by default).
 * Prints the console's address and the credentials when the node is ready. Runs once per start;
 * thread-safe afterwards.
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
@ConditionalOnBean(MaritimeWatch.class)
public class MaritimeDemo {
  static final String CREDENTIALS_FILE = "demo-credentials.properties";
  static final String USER = "watch-officer";

  private final MaritimeWatch watch;
  private final PrincipalStore principals;
  private final Path home;
  private final String nation;
  private final double pace;
  private final long leadMillis;
  private volatile Credentials credentials;

  /** The demo user's name and token (its password for HTTP Basic). */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }

  MaritimeDemo(
      MaritimeWatch watch,
      PrincipalStore principals,
      @Value("${bulwark.home}") String home,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.maritime.demo.pace:60}") double pace,
      @Value("${bulwark.maritime.demo.lead-minutes:5}") double leadMinutes) {
    this.watch = watch;
    this.principals = principals;
    this.home = Path.of(home);
    this.nation = nation;
    this.pace = pace;
    this.leadMillis = (long) (leadMinutes * 60_000);
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    credentials = ensurePrincipal();
    watch.addSource(
        new DemoReplaySource(
            watch.queue(), watch.layer(), pace, leadMillis, System::currentTimeMillis));
    String base = baseUrl(event);
    System.out.println("  maritime console: " + base + "/console/");
    System.out.println("  user: " + credentials.user());
    System.out.println("  password: " + credentials.password());
    System.out.flush();
  }

  /** The demo user's credentials, once the node is ready. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  private Credentials ensurePrincipal() {
    Path file = home.resolve(CREDENTIALS_FILE);
    try {
      if (Files.isRegularFile(file)) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(in);
        }
        String user = p.getProperty("user", "");
        String token = p.getProperty("password", "");
        if (!user.isEmpty() && principals.authenticate(Optional.of(user), token).isPresent()) {
          return new Credentials(user, token);
        }
      }
      String user = USER;
      for (int i = 2; principals.find(user).isPresent(); i++) {
        user = USER + "-" + i;
      }
      String token =
          principals
              .add(
                  user,
                  nation,
                  EnumSet.of(Role.READER, Role.CONTRIBUTOR),
                  // an identity, as every other principal: principal list shows who it is
                  Optional.of(StixIds.random("identity")),
                  0L,
                  Optional.empty())
              .token();
      Properties p = new Properties();
      p.setProperty("user", user);
      p.setProperty("password", token);
      Files.createDirectories(home);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(out, "bulwark demo: the watch officer's credentials");
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX: the folder's permissions protect it
      }
      return new Credentials(user, token);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the demo credentials in " + file + ": " + e.getMessage(), e);
    }
  }

  private static String baseUrl(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      return scheme + "://localhost:" + web.getWebServer().getPort();
    }
    return scheme + "://localhost:8080";
  }
}
