package dev.tfe.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Shape operations and element-wise ring arithmetic of {@link RingTensor}. */
class RingTensorTest {
  private static RingTensor iota(int... shape) {
    long[] d = new long[Shapes.size(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = i;
    }
    return RingTensor.of(d, shape);
  }

  @Test
  void transposeOfAMatrix() {
    RingTensor t = iota(2, 3).transpose();
    assertArrayEquals(new int[] {3, 2}, t.shape());
    assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, t.data());
    RingTensor big = iota(37, 70);
    assertEquals(big, big.transpose().transpose());
  }

  @Test
  void transposeWithPermutation() {
    RingTensor x = iota(2, 3, 4);
    RingTensor t = x.transpose(2, 0, 1);
    assertArrayEquals(new int[] {4, 2, 3}, t.shape());
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 3; k++) {
          // result[i][j][k] = x[j][k][i]
          assertEquals(x.get((j * 3 + k) * 4 + i), t.get((i * 2 + j) * 3 + k));
        }
      }
    }
    assertEquals(x, x.transpose(0, 1, 2));
    assertEquals(x, t.transpose(1, 2, 0));
    // no permutation given on rank 3: axes reversed
    assertArrayEquals(new int[] {4, 3, 2}, x.transpose().shape());
    assertEquals(x.get(1 * 12 + 2 * 4 + 3), x.transpose().get(3 * 6 + 2 * 2 + 1));
    assertThrows(IllegalArgumentException.class, () -> x.transpose(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> x.transpose(0, 1));
    assertThrows(IllegalArgumentException.class, () -> x.transpose(0, 1, 3));
  }

  @Test
  void sumOverAnAxis() {
    RingTensor x = iota(2, 3, 4);
    RingTensor s1 = x.sum(1);
    assertArrayEquals(new int[] {2, 4}, s1.shape());
    assertArrayEquals(new long[] {12, 15, 18, 21, 48, 51, 54, 57}, s1.data());
    RingTensor s0 = x.sum(0);
    assertArrayEquals(new int[] {3, 4}, s0.shape());
    assertEquals(0 + 12, s0.get(0));
    assertEquals(11 + 23, s0.get(11));
    RingTensor last = x.sum(-1);
    assertArrayEquals(new int[] {2, 3}, last.shape());
    assertArrayEquals(new long[] {6, 22, 38, 54, 70, 86}, last.data());
    assertEquals(RingTensor.scalar(276), x.sumAll());
    assertThrows(IllegalArgumentException.class, () -> x.sum(3));
    assertThrows(IllegalArgumentException.class, () -> x.sum(-4));
  }

  @Test
  void sumWrapsAround() {
    RingTensor x = RingTensor.of(new long[] {Long.MAX_VALUE, 1, -1, Long.MIN_VALUE}, 2, 2);
    assertArrayEquals(new long[] {Long.MAX_VALUE - 1, Long.MIN_VALUE + 1}, x.sum(0).data());
    assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, x.sum(1).data());
  }

  @Test
  void sliceAndSliceRows() {
    RingTensor x = iota(3, 4, 5);
    RingTensor s = x.slice(new int[] {1, 1, 2}, new int[] {2, 2, 3});
    assertArrayEquals(new int[] {2, 2, 3}, s.shape());
    assertArrayEquals(new long[] {27, 28, 29, 32, 33, 34, 47, 48, 49, 52, 53, 54}, s.data());
    assertEquals(x, x.slice(new int[3], new int[] {3, 4, 5}));
    assertEquals(0, x.slice(new int[] {3, 0, 0}, new int[] {0, 4, 5}).size());
    assertThrows(IllegalArgumentException.class, () -> x.slice(new int[] {2, 0, 0}, new int[] {2, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> x.slice(new int[] {0, 0}, new int[] {1, 1}));
    RingTensor rows = x.sliceRows(1, 3);
    assertArrayEquals(new int[] {2, 4, 5}, rows.shape());
    assertEquals(20, rows.get(0));
    assertEquals(59, rows.get(39));
    assertThrows(IllegalArgumentException.class, () -> x.sliceRows(2, 4));
  }

  @Test
  void reshapeInfersMinusOne() {
    RingTensor x = iota(2, 3, 4);
    assertArrayEquals(new int[] {6, 4}, x.reshape(-1, 4).shape());
    assertArrayEquals(new int[] {4, 6}, x.reshape(4, -1).shape());
    assertArrayEquals(new int[] {24}, x.reshape(-1).shape());
    assertArrayEquals(new int[] {2, 12}, x.reshape(2, -1).shape());
    assertArrayEquals(x.data(), x.reshape(-1, 4).data());
    assertThrows(IllegalArgumentException.class, () -> x.reshape(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> x.reshape(5, -1));
    assertThrows(IllegalArgumentException.class, () -> x.reshape(5, 5));
    assertThrows(IllegalArgumentException.class, () -> x.reshape(0, -1));
  }

  @Test
  void addBroadcastAddsATrailingShape() {
    RingTensor x = iota(2, 3);
    RingTensor bias = RingTensor.of(new long[] {10, 20, Long.MAX_VALUE}, 3);
    RingTensor y = x.addBroadcast(bias);
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new long[] {10, 21, Long.MIN_VALUE + 1, 13, 24, Long.MIN_VALUE + 4}, y.data());
    assertEquals(x.add(x), x.addBroadcast(x));
    RingTensor z = iota(2, 2, 3).addBroadcast(iota(2, 3));
    assertArrayEquals(new long[] {0, 2, 4, 6, 8, 10, 6, 8, 10, 12, 14, 16}, z.data());
    assertEquals(y, x.addBroadcast(RingTensor.of(bias.data(), 1, 3)), "a [1, n] row broadcasts as an [n] one");
    assertEquals(y, x.addBroadcast(RingTensor.of(bias.data(), 1, 1, 3)));
    assertThrows(IllegalArgumentException.class, () -> x.addBroadcast(iota(2)));
    assertThrows(IllegalArgumentException.class, () -> x.addBroadcast(iota(2, 1)));
    assertThrows(IllegalArgumentException.class, () -> x.addBroadcast(iota(3, 3)));
    assertEquals(RingTensor.of(new long[] {10, 20, Long.MAX_VALUE, 10, 20, Long.MAX_VALUE}, 2, 3), bias.broadcastTo(2, 3));
  }

  @Test
  void elementWiseArithmeticWraps() {
    RingTensor a = RingTensor.of(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 3}, 4);
    RingTensor b = RingTensor.of(new long[] {1, -1, -1, Long.MAX_VALUE}, 4);
    assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -2, Long.MIN_VALUE + 2}, a.add(b).data());
    assertArrayEquals(new long[] {Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 0, 3 - Long.MAX_VALUE}, a.sub(b).data());
    assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 1, Long.MAX_VALUE - 2}, a.mul(b).data());
    assertArrayEquals(new long[] {Long.MIN_VALUE + 1, Long.MIN_VALUE, 1, -3}, a.neg().data());
    assertArrayEquals(new long[] {-2, 0, -2, 6}, a.scale(2).data());
    assertArrayEquals(new long[] {0, -1, -1, 0}, a.shiftRight(63).data());
    assertArrayEquals(new long[] {0, 1, 1, 0}, a.shiftRightUnsigned(63).data());
    assertArrayEquals(new long[] {-2, 0, -2, 6}, a.shiftLeft(1).data());
    assertThrows(IllegalArgumentException.class, () -> a.add(iota(2, 2)));
  }

  @Test
  void concatRowsStacksAlongAxisZero() {
    RingTensor c = RingTensor.concatRows(iota(1, 3), iota(2, 3));
    assertArrayEquals(new int[] {3, 3}, c.shape());
    assertArrayEquals(new long[] {0, 1, 2, 0, 1, 2, 3, 4, 5}, c.data());
    assertThrows(IllegalArgumentException.class, () -> RingTensor.concatRows(iota(1, 3), iota(1, 4)));
  }

  @Test
  void ofChecksTheElementCount() {
    assertThrows(IllegalArgumentException.class, () -> RingTensor.of(new long[5], 2, 3));
    assertThrows(IllegalArgumentException.class, () -> RingTensor.zeros(2, -1));
    assertEquals(RingTensor.fill(0, 2, 2), RingTensor.zeros(2, 2));
  }
}
