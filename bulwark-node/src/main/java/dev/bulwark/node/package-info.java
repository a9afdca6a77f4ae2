/**
 * The Bulwark node: the Spring Boot application ({@code BulwarkNodeApplication}) that serves the
 * object store over TAXII 2.1, federates with allied nodes, runs the live maritime watch and
 * support planning, and serves the console. Each feature is a sub-package with its own
 * configuration class; their allowed dependencies are in DESIGN.md and checked by the build.
 */
package dev.bulwark.node;
