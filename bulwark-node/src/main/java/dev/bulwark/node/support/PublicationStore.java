package dev.bulwark.node.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The reports an admin published (table {@code support_publications}): the HTML exactly as
 * published (served on the public URL), its JSON figures and the id of the STIX report that carries
 * them. Thread-safe.
 */
public final class PublicationStore {
  private final SupportSql sql;

  public PublicationStore(DataSource dataSource) {
    this.sql = new SupportSql(dataSource);
  }

  /** One publication, without its documents. */
  public record Publication(
      long id,
      String period,
      String title,
      String publishedBy,
      long publishedMicros,
      String stixReportId) {}

  /** Stores a publication and returns its id. */
  public long add(
      String period,
      String title,
      String publishedBy,
      long publishedMicros,
      String stixReportId,
      String html,
      String json) {
    KeyHolder keys = new GeneratedKeyHolder();
    try {
      sql.jdbc
          .sql(
              "INSERT INTO support_publications (period, title, published_by, published_us, stix_report_id, html, json)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(period, title, publishedBy, publishedMicros, stixReportId, html, json)
          .update(keys);
    } catch (DataAccessException e) {
      throw new IllegalStateException("cannot store the publication: " + e.getMessage(), e);
    }
    // PostgreSQL returns every column of the new row, H2 only the identity: take seq, or the first
    Map<String, Object> row = keys.getKeys();
    Object id =
        row == null || row.isEmpty()
            ? null
            : row.containsKey("seq") ? row.get("seq") : row.values().iterator().next();
    if (!(id instanceof Number n)) {
      throw new IllegalStateException(
          "cannot store the publication: no id was generated for the publication");
    }
    return n.longValue();
  }

  /** Removes a publication whose STIX objects could not be stored. */
  void remove(long id) {
    try {
      sql.jdbc.sql("DELETE FROM support_publications WHERE seq = ?").param(id).update();
    } catch (DataAccessException e) {
      throw new IllegalStateException("cannot remove publication " + id + ": " + e.getMessage(), e);
    }
  }

  /** Every publication, newest first. */
  public List<Publication> list() {
    return SupportSql.reading(
        "the publications",
        () ->
            sql.jdbc
                .sql(
                    "SELECT seq, period, title, published_by, published_us, stix_report_id FROM support_publications"
                        + " ORDER BY seq DESC")
                .query(
                    (rs, n) ->
                        new Publication(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6)))
                .list());
  }

  /** The published HTML of a publication. */
  public Optional<String> html(long id) {
    return document("html", id);
  }

  /** The published JSON figures of a publication. */
  public Optional<String> json(long id) {
    return document("json", id);
  }

  private Optional<String> document(String column, long id) {
    return SupportSql.reading(
        "publication " + id,
        () ->
            sql.jdbc
                .sql("SELECT " + column + " FROM support_publications WHERE seq = ?")
                .param(id)
                .query(String.class)
                .optional());
  }
}
