/**
 * Federation between two real node processes on loopback ({@code FederationSyncBench}): how long
 * one node takes to pull what the other holds, and how soon a new object arrives.
 */
package dev.bulwark.bench.federation;
