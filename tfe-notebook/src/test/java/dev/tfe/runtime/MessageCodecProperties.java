package dev.tfe.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.ring.RingTensor;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the message codec: every batch of tensors whose elements fit their wire width
 * (1, 2 or 4 bytes unsigned, or 8 bytes) comes back equal, with its run, step and sender; and
 * a batch cut short anywhere is refused, never decoded into wrong values.
 */
class MessageCodecProperties {
  @Provide
  Arbitrary<MessageCodec.Entry> entries() {
    Arbitrary<Integer> width = Arbitraries.of(1, 2, 4, 8);
    Arbitrary<int[]> shape = Arbitraries.integers().between(0, 5).array(int[].class).ofMinSize(0).ofMaxSize(3);
    return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), width, shape, Arbitraries.longs())
        .as((id, w, s, seed) -> {
          int n = 1;
          for (int d : s) {
            n *= d;
          }
          long[] data = new long[n];
          java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
          for (int i = 0; i < n; i++) {
            long v = rnd.nextLong();
            data[i] = w == 8 ? v : v & ((1L << (8 * w)) - 1);
          }
          return new MessageCodec.Entry(id, w, RingTensor.of(data, s));
        });
  }

  @Property(tries = 300)
  void everyBatchRoundTrips(@ForAll long run, @ForAll int step, @ForAll @StringLength(max = 40) String sender,
      @ForAll("batches") List<MessageCodec.Entry> entries) {
    byte[] bytes = MessageCodec.encode(run, step, sender, entries);
    MessageCodec.Batch b = MessageCodec.decode(bytes);
    assertEquals(run, b.run());
    assertEquals(step, b.step());
    assertEquals(sender, b.sender());
    assertEquals(entries, b.entries());
  }

  @Provide
  Arbitrary<List<MessageCodec.Entry>> batches() {
    return entries().list().ofMaxSize(6);
  }

  @Property(tries = 200)
  void aTruncatedBatchIsRefused(@ForAll("batches") List<MessageCodec.Entry> entries, @ForAll("cuts") double cut) {
    byte[] bytes = MessageCodec.encode(1, 2, "server0", entries);
    int keep = (int) (cut * bytes.length);
    if (keep >= bytes.length) {
      return;
    }
    byte[] shortened = java.util.Arrays.copyOf(bytes, keep);
    var e = assertThrows(IllegalStateException.class, () -> MessageCodec.decode(shortened));
    assertTrue(e.getMessage().startsWith("malformed message"), e.getMessage());
  }

  @Property(tries = 200)
  void extraBytesOrAForgedHeaderAreRefused(@ForAll("batches") List<MessageCodec.Entry> entries,
      @ForAll("forgeries") int forgery) {
    byte[] bytes = MessageCodec.encode(1, 2, "server0", entries);
    byte[] bad;
    if (forgery == 0 || entries.isEmpty()) {
      bad = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    } else {
      bad = bytes.clone();
      int entry = 4 + 8 + 4 + 2 + "server0".length() + 4;
      switch (forgery) {
        case 1 -> bad[entry + 4] = 3; // wire width
        case 2 -> bad[entry + 5] = 100; // rank
        default -> {
          if (entries.get(0).value().rank() == 0) {
            bad[entry + 4] = 5;
          } else {
            java.nio.ByteBuffer.wrap(bad).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(entry + 6, -1 - forgery);
          }
        }
      }
    }
    var e = assertThrows(IllegalStateException.class, () -> MessageCodec.decode(bad));
    assertTrue(e.getMessage().startsWith("malformed message"), e.getMessage());
  }

  @Provide
  Arbitrary<Integer> forgeries() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<Double> cuts() {
    return Arbitraries.doubles().between(0, 1);
  }
}
