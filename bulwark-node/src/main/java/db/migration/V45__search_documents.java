package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The workbench's search documents on PostgreSQL (issue 20): one row per object (its latest version
 * in a collection, per origin) with the text the search matches as a {@code tsvector} under a GIN
 * index, the filter columns, the identifiers it references (a GIN-indexed array, for the graph's
 * "who points here"), and the store's date_added of the row it was made from. On H2 the node
 * searches with Apache Lucene instead (an index folder beside the database, see DESIGN.md), so only
 * the high-water mark table is created there. A Java migration because the two databases differ.
 */
public class V45__search_documents extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE search_state (engine VARCHAR(40) NOT NULL PRIMARY KEY,"
              + " indexed_up_to BIGINT NOT NULL)");
      if (!postgres) {
        return;
      }
      s.execute(
          "CREATE TABLE search_documents ("
              + " collection_id VARCHAR(64) NOT NULL,"
              + " origin_nation VARCHAR(16) NOT NULL,"
              + " object_id VARCHAR(300) NOT NULL,"
              + " date_added_us BIGINT NOT NULL,"
              + " version_us BIGINT NOT NULL,"
              + " modified_us BIGINT NOT NULL,"
              + " object_type VARCHAR(250) NOT NULL,"
              + " created_by VARCHAR(300) NOT NULL,"
              + " marking_refs TEXT[] NOT NULL,"
              + " refs TEXT[] NOT NULL,"
              + " name_lower VARCHAR(300) NOT NULL,"
              + " tsv TSVECTOR NOT NULL,"
              + " PRIMARY KEY (collection_id, origin_nation, object_id))");
      s.execute("CREATE INDEX search_documents_text ON search_documents USING GIN (tsv)");
      s.execute("CREATE INDEX search_documents_refs ON search_documents USING GIN (refs)");
      s.execute("CREATE UNIQUE INDEX search_documents_added ON search_documents (date_added_us)");
      s.execute(
          "CREATE INDEX search_documents_modified ON search_documents (modified_us, date_added_us)");
      s.execute(
          "CREATE INDEX search_documents_name ON search_documents"
              + " (name_lower varchar_pattern_ops)");
    }
  }
}
