/**
 * Where an incident stands: reported → assessed → attributed → responded → closed ({@link
 * dev.bulwark.incidents.lifecycle.Status}), each step with who and when ({@link
 * dev.bulwark.incidents.lifecycle.StatusStep}), the allowed moves ({@link
 * dev.bulwark.incidents.lifecycle.Lifecycle}). A step is a new STIX version; nothing is deleted.
 */
package dev.bulwark.incidents.lifecycle;
