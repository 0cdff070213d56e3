/**
 * The plaintext reference protocol: the oracle of the conformance tests.
 */
package dev.tfe.protocol.plain;
