/**
 * Pond: two-server additive sharing over Z_2^64 with a crypto producer that deals Beaver triples
 * (Dahl et al., 2018; tf-encrypted). One class per protocol step.
 */
package dev.tfe.protocol.pond;
