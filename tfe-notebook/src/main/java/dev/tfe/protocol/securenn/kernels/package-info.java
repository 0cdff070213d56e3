/**
 * SecureNN's local computations (Wagh, Gupta and Chandran, PoPETs 2019): arithmetic in the odd
 * ring Z_(2^64-1) ({@link dev.tfe.protocol.securenn.kernels.OddRing}), packed Z_67 vectors for
 * PrivateCompare ({@link dev.tfe.protocol.securenn.kernels.ZpPacked}), the graph builders of
 * SecureNN's own ops ({@link dev.tfe.protocol.securenn.kernels.SecureNnOps}) and their kernels,
 * registered as one op module ({@link dev.tfe.protocol.securenn.kernels.SecureNnKernels}).
 */
package dev.tfe.protocol.securenn.kernels;
