/**
 * Federation with allied nodes: for every {@code Peer}, the {@code FederationService} pulls its
 * collections ({@code PullTask}, what arrives checked by {@code PeerIntake}) and pushes this node's
 * own objects ({@code PushTask}) over the TAXII client, resuming from persisted cursors ({@code
 * CursorStore}); status and metrics for admins; audit chain heads exchanged with peers ({@code
 * AnchorExchange}). The last step of the main path: objects leave for other nations' nodes.
 */
package dev.bulwark.node.federation;
