/**
 * Two-server additive secret sharing over Z_2^64 with a dealer: the building blocks that Pond and
 * SecureNN compose, public so that a user can write a protocol op from outside the library. The
 * tensors ({@link dev.tfe.protocol.share.AdditivePrivateTensor} and its public and masked
 * forms), the {@link dev.tfe.protocol.share.Dealer} interface with the seeded dealer, Beaver
 * products ({@link dev.tfe.protocol.share.Beaver}), truncation
 * ({@link dev.tfe.protocol.share.Truncation}), and the arithmetic protocol base
 * {@link dev.tfe.protocol.share.AdditiveProtocol}. It is not a protocol and names none.
 */
package dev.tfe.protocol.share;
