/**
 * Pond: two-server additive sharing over Z_2^64 with a crypto producer that deals Beaver triples
 * seeding one server (Dahl et al., 2018; tf-encrypted), composed from
 * {@code dev.tfe.protocol.share}; registered as {@link dev.tfe.protocol.pond.PondModule}.
 */
package dev.tfe.protocol.pond;
