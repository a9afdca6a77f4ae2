/**
 * Sanctions proposals as FollowTheMoney entities (the format of OpenSanctions and many sanctions
 * teams): the persons, companies and vessels (IMO and MMSI from the evidence) an incident or
 * campaign names, each with a {@code Sanction} of status {@code proposed} ({@link
 * dev.bulwark.incidents.sanctions.FtmWriter}), validated against the bundled FtM schema ({@link
 * dev.bulwark.incidents.sanctions.FtmSchema}).
 */
package dev.bulwark.incidents.sanctions;
