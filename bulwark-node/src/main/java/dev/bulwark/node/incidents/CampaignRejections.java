package dev.bulwark.node.incidents;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign suggestions each nation rejected (table {@code campaign_rejections}, Flyway V31), so
 * that a rejected suggestion is not offered again to that nation, by the API or the command line,
 * after a restart too. Rejecting twice keeps the first record. Thread-safe (the database
 * serialises).
 */
public final class CampaignRejections {
  private final JdbcClient jdbc;

  /** Over the node's database. */
  public CampaignRejections(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Records that {@code nation} rejected the suggestion {@code suggestionId} over {@code
   * incidents}.
   *
   * @return true when newly recorded, false when it was already rejected
   */
  public boolean reject(
      String nation, String suggestionId, List<String> incidents, String by, long micros) {
    try {
      jdbc.sql(
              "INSERT INTO campaign_rejections (nation, suggestion_id, incident_ids, rejected_by,"
                  + " rejected_us) VALUES (?, ?, ?, ?, ?)")
          .params(key(nation), suggestionId, String.join(",", incidents), by, micros)
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** The ids of the suggestions {@code nation} rejected. */
  public Set<String> rejected(String nation) {
    return new TreeSet<>(
        jdbc.sql("SELECT suggestion_id FROM campaign_rejections WHERE nation = ?")
            .param(key(nation))
            .query(String.class)
            .list());
  }

  private static String key(String nation) {
    return nation.toUpperCase(Locale.ROOT);
  }
}
