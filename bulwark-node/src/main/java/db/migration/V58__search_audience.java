package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The search prefilter on PostgreSQL (issue 20): each search document's audience terms (who might
 * read it under the release rule, {@code store.SearchAudience}) in a GIN-indexed array, so a search
 * asks the database only for rows the reader might read. Documents indexed before carry the term
 * every reader matches ({@code ?}) until the high-water mark, set back to 0 here, has them indexed
 * again. On H2 the Lucene index holds the terms (it rebuilds itself when its layout changes), so
 * nothing is done there. A Java migration because the two databases differ.
 */
public class V58__search_audience extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    if (!postgres) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE search_documents ADD COLUMN audience TEXT[] NOT NULL DEFAULT '{?}'");
      s.execute("CREATE INDEX search_documents_audience ON search_documents USING GIN (audience)");
      s.execute("UPDATE search_state SET indexed_up_to = 0 WHERE engine = 'postgresql'");
    }
  }
}
