package dev.tfe.model.secure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes sent, per party: an analytical count from {@link CommunicationModel} or {@link OpCosts},
 * named as {@link dev.tfe.profile.Profile} names the measured one, so that the two can be set
 * side by side. Parties that send nothing are left out (a profile lists only the parties that
 * took part in a run).
 *
 * @param bytesSentByParty bytes by party name, in order of first mention; no zero entries
 */
public record ByteCount(Map<String, Long> bytesSentByParty) {
  /** Nothing sent. */
  public static final ByteCount NONE = new ByteCount(Map.of());

  public ByteCount {
    Map<String, Long> m = new LinkedHashMap<>();
    bytesSentByParty.forEach((party, bytes) -> {
      if (bytes < 0) {
        throw new IllegalArgumentException("negative byte count " + bytes + " for " + party);
      }
      if (bytes > 0) {
        m.put(party, bytes);
      }
    });
    bytesSentByParty = Collections.unmodifiableMap(m);
  }

  /** {@code bytes} sent by {@code party}. */
  public static ByteCount of(String party, long bytes) {
    return new ByteCount(Map.of(party, bytes));
  }

  /** Bytes sent by all parties together. */
  public long totalBytesSent() {
    return bytesSentByParty.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes sent by {@code party} (0 if none). */
  public long bytesSentBy(String party) {
    return bytesSentByParty.getOrDefault(party, 0L);
  }

  /** The party-wise sum. */
  public ByteCount plus(ByteCount other) {
    Map<String, Long> m = new LinkedHashMap<>(bytesSentByParty);
    other.bytesSentByParty.forEach((p, b) -> m.merge(p, b, Long::sum));
    return new ByteCount(m);
  }

  /** {@code this} plus {@code bytes} sent by {@code party}. */
  public ByteCount plus(String party, long bytes) {
    return plus(of(party, bytes));
  }

  /** Every party's bytes times {@code k} (e.g. {@code k} identical steps). */
  public ByteCount times(long k) {
    Map<String, Long> m = new LinkedHashMap<>();
    bytesSentByParty.forEach((p, b) -> m.put(p, Math.multiplyExact(b, k)));
    return new ByteCount(m);
  }

  @Override
  public String toString() {
    return totalBytesSent() + " bytes " + bytesSentByParty;
  }
}
