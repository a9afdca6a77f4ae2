/**
 * Support planning in the node, over the bulwark-support library: the contribution ledger,
 * requirements, offers and published reports in the node's database ({@code ContributionStore},
 * {@code PlanningStore}, {@code PublicationStore}), the REST API under {@code /api/support/}, the
 * public reports, and the {@code ReportPublisher} that stores each published report as STIX in the
 * store.
 */
package dev.bulwark.node.support;
