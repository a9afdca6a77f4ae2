/**
 * The TAXII 2.1 server: the endpoints of sections 4 and 5 of the standard over the object store,
 * the collection map ({@code TaxiiCollections}), envelope reading in bounded memory ({@code
 * EnvelopeIntake}, {@code EnvelopeReader}), the write checks ({@code ObjectWrites}), version
 * selection and paging ({@code ObjectReads}, {@code CursorCodec}) and status resources ({@code
 * StatusStore}). Every read goes through the {@code AccessPolicy}.
 */
package dev.bulwark.node.taxii.server;
