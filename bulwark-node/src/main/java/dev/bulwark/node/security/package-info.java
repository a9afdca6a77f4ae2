/**
 * Who may call the node and what each caller may see: principals and their tokens ({@code
 * PrincipalStore}), authentication ({@code CredentialsFilter}, {@code SecurityConfiguration}),
 * collection grants, and the one read gate, {@code AccessPolicy}, which makes the {@code
 * ReadFilter} of every read from the object's markings and the reader's nation and role. Also the
 * write rules ({@code WriteRules}, {@code RelayRules}). See docs/markings.md.
 */
package dev.bulwark.node.security;
