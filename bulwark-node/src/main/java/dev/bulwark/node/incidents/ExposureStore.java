package dev.bulwark.node.incidents;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published exposure reports (table {@code exposure_reports}): the HTML exactly as published
 * and its STIX bundle. Holds only what was public when published. Thread-safe.
 */
public final class ExposureStore {
  private final JdbcClient jdbc;

  public ExposureStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** One publication, without its documents. */
  record Published(
      String id, String title, String publishedBy, long publishedMicros, String stixReportId) {}

  void add(Published p, String html, String stix) {
    jdbc.sql(
            "INSERT INTO exposure_reports (id, title, published_by, published_us, stix_report_id,"
                + " html, stix) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id(), p.title(), p.publishedBy(), p.publishedMicros(), p.stixReportId(), html, stix)
        .update();
  }

  void remove(String id) {
    jdbc.sql("DELETE FROM exposure_reports WHERE id = ?").param(id).update();
  }

  /** Every publication, newest first. */
  List<Published> list() {
    return jdbc.sql(
            "SELECT id, title, published_by, published_us, stix_report_id FROM exposure_reports"
                + " ORDER BY published_us DESC")
        .query(
            (rs, n) ->
                new Published(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5)))
        .list();
  }

  Optional<String> html(String id) {
    return document("html", id);
  }

  Optional<String> stix(String id) {
    return document("stix", id);
  }

  private Optional<String> document(String column, String id) {
    return jdbc.sql("SELECT " + column + " FROM exposure_reports WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }
}
