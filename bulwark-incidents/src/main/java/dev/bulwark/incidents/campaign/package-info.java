/**
 * Campaign suggestions: {@link dev.bulwark.incidents.campaign.CampaignSuggester} links incidents by
 * time, place, kind and shared entities (the same IMO/MMSI, IP, domain, actor), each {@link
 * dev.bulwark.incidents.campaign.Suggestion} with its reasons and a score, never merging anything;
 * an accepted suggestion becomes a STIX {@code campaign} with relationships ({@link
 * dev.bulwark.incidents.campaign.CampaignStix}). {@link
 * dev.bulwark.incidents.campaign.SyntheticRegister} makes a synthetic register for tests and
 * benchmarks.
 */
package dev.bulwark.incidents.campaign;
