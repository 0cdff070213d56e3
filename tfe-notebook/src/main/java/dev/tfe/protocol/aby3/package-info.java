/**
 * ABY3 (Mohassel and Rindal, "ABY3: A Mixed Protocol Framework for Machine Learning", CCS 2018)
 * as a protocol module ({@link dev.tfe.protocol.aby3.Aby3Module}): three symmetric parties with
 * 2-out-of-3 replicated sharing over Z_2^64, semi-honest with an honest majority, no dealer.
 * One package-private class per step: {@code PairwiseSeeds} (correlated randomness from pairwise
 * keys), {@code Multiplication} (products with resharing, share truncation). It depends on no
 * other protocol package.
 */
package dev.tfe.protocol.aby3;
