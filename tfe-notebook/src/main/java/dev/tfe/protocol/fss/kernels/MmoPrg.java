package dev.tfe.protocol.fss.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The length-doubling PRG of the FSS keys: fixed-key AES-128 in Matyas-Meyer-Oseas form,
 * {@code H_j(s) = AES_(K_j)(s) XOR s}, one public fixed key {@code K_j} per output block (left
 * child, right child, value words of each payload word), as in Google's {@code distributed_point_functions}
 * ({@code pseudorandom_generator.h}) and the DPF/DCF schemes of Boyle, Gilboa and Ishai (CCS
 * 2016) and Boyle et al. (Eurocrypt 2021), which model fixed-key AES as a random permutation
 * (Guo et al., "Efficient and Secure Multiparty Computation from Fixed-Key Block Ciphers",
 * S&amp;P 2020: the MMO construction is a correlation-robust hash in that model).
 *
 * <p>Batched: a whole level of a tree for every element of a tensor goes through one
 * {@code AES/ECB/NoPadding} call, which the JDK runs on AES-NI. An instance is not thread-safe
 * (one per kernel call); its fixed keys are derived from public labels by SHA-256.
 */
public final class MmoPrg {
  /** The three blocks of one tree node: the left child, the right child, and the value words. */
  public static final int LEFT = 0;
  public static final int RIGHT = 1;
  public static final int VALUE = 2;
  /** Value words of a second payload word (keys with two payload words: the ReLU gate). */
  public static final int VALUE2 = 3;
  private static final String[] LABELS = {"tfe-java fss mmo left", "tfe-java fss mmo right", "tfe-java fss mmo value",
      "tfe-java fss mmo value 2"};

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final Cipher[] ciphers = new Cipher[LABELS.length];
  private byte[] in = new byte[0];
  private byte[] out = new byte[0];

  public MmoPrg() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int j = 0; j < LABELS.length; j++) {
        byte[] key = sha.digest(LABELS[j].getBytes(StandardCharsets.US_ASCII));
        ciphers[j] = Cipher.getInstance("AES/ECB/NoPadding");
        ciphers[j].init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB is not available in this JVM", e);
    }
  }

  /**
   * {@code H_block(s)} for {@code count} seeds: seed {@code i} is {@code (lo[i], hi[i])}, its
   * output goes to {@code (outLo[i], outHi[i])}.
   */
  public void hash(int block, long[] lo, long[] hi, int count, long[] outLo, long[] outHi) {
    int bytes = count * 16;
    if (in.length < bytes) {
      in = new byte[bytes];
      out = new byte[bytes];
    }
    byte[] src = in;
    for (int i = 0; i < count; i++) {
      LONGS.set(src, 16 * i, lo[i]);
      LONGS.set(src, 16 * i + 8, hi[i]);
    }
    try {
      int done = ciphers[block].doFinal(in, 0, bytes, out, 0);
      if (done != bytes) {
        throw new IllegalStateException("AES/ECB produced " + done + " bytes instead of " + bytes);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    byte[] dst = out;
    for (int i = 0; i < count; i++) {
      outLo[i] = (long) LONGS.get(dst, 16 * i) ^ lo[i];
      outHi[i] = (long) LONGS.get(dst, 16 * i + 8) ^ hi[i];
    }
  }
}
