/**
 * The FSS protocol's local computations: the fixed-key AES PRG ({@link dev.tfe.protocol.fss.kernels.MmoPrg}),
 * distributed comparison functions ({@link dev.tfe.protocol.fss.kernels.Dcf}, Boyle et al., Eurocrypt 2021),
 * DReLU keys built on them ({@link dev.tfe.protocol.fss.kernels.SignKeys}), and their graph builders and
 * kernels as one op module ({@link dev.tfe.protocol.fss.kernels.FssOps}, {@link dev.tfe.protocol.fss.kernels.FssKernels}).
 */
package dev.tfe.protocol.fss.kernels;
