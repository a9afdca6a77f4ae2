package dev.bulwark.node.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reports an admin published (table {@code support_publications}): the HTML exactly as
 * published (served on the public URL), its JSON figures and the id of the STIX report that carries
 * them. Thread-safe.
 */
public final class PublicationStore {
  private final DataSource dataSource;

  public PublicationStore(DataSource dataSource) {
    this.dataSource = dataSource;
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO support_publications (period, title, published_by, published_us, stix_report_id, html, json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, period);
      s.setString(2, title);
      s.setString(3, publishedBy);
      s.setLong(4, publishedMicros);
      s.setString(5, stixReportId);
      s.setString(6, html);
      s.setString(7, json);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id was generated for the publication");
        }
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the publication: " + e.getMessage(), e);
    }
  }

  /** Removes a publication whose STIX objects could not be stored. */
  void remove(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM support_publications WHERE seq = ?")) {
      s.setLong(1, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove publication " + id + ": " + e.getMessage(), e);
    }
  }

  /** Every publication, newest first. */
  public List<Publication> list() {
    List<Publication> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, period, title, published_by, published_us, stix_report_id FROM support_publications"
                    + " ORDER BY seq DESC");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Publication(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the publications: " + e.getMessage(), e);
    }
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + column + " FROM support_publications WHERE seq = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read publication " + id + ": " + e.getMessage(), e);
    }
  }
}
