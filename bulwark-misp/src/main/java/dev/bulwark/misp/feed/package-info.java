/**
 * MISP feeds: a folder or URL holding {@code manifest.json}, one {@code <uuid>.json} per event and
 * {@code hashes.csv}. Reading is incremental by the manifest's timestamps; writing produces all
 * three. The transport is the caller's ({@link dev.bulwark.misp.feed.FeedSource}).
 */
package dev.bulwark.misp.feed;
