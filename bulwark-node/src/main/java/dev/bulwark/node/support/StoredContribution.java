package dev.bulwark.node.support;

import dev.bulwark.support.contribution.Contribution;

/**
 * A ledger entry as the node keeps it: the contribution and who entered it, when and in which
 * upload. Immutable.
 *
 * @param seq the order entries were made in
 * @param corrects the id of the entry this one corrects, "" for none
 * @param enteredNation the nation of the principal who entered it (an admin may enter for any
 *     donor)
 * @param enteredMicros when, microseconds since the epoch
 * @param batch the upload it came in (one JSON request or one file)
 */
public record StoredContribution(
    long seq,
    Contribution contribution,
    String corrects,
    String enteredBy,
    String enteredNation,
    long enteredMicros,
    String batch) {}
