/**
 * Flyway's Java migrations of the node's schema, for the steps that SQL alone cannot do (computing
 * object keys, binding marking definitions to their origin). Flyway finds them by this package
 * name; the SQL migrations are in {@code classpath:db/migration}.
 */
package db.migration;
