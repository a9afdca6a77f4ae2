/** Force declarations: the record, its vocabularies (domain, status, tier) and the CSV reader. */
package dev.bulwark.readiness.declaration;
