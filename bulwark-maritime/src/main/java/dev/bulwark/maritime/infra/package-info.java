/**
 * The infrastructure to protect: cables, pipelines, protected areas, anchorages and ports read from
 * GeoJSON ({@code GeoJsonInfrastructure}) into an {@code InfrastructureLayer} indexed (JTS
 * geometry, a {@code PieceGrid} of segments) for the engine's question "what is near this ship?",
 * answered per vessel through a reusable {@code Neighbourhood}.
 */
package dev.bulwark.maritime.infra;
