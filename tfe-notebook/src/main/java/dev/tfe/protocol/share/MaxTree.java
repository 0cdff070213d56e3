package dev.tfe.protocol.share;

import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.ring.RingTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The maximum of each column of an {@code [m, R]} shared tensor, and optionally its one-hot
 * position, by a tournament: SecureNN's Maxpool (Wagh, Gupta and Chandran, PoPETs 2019,
 * Algorithm 9) compares the running maximum with each candidate in turn, {@code m - 1}
 * sequential DReLU-and-select steps; this tree makes the same {@code m - 1} comparisons in
 * {@code ceil(log2 m)} levels of adjacent pairs (an odd row out waits for the next level).
 *
 * <p>Per level, for each pair {@code (u, v)}: {@code b = DReLU(u - v)} (8 rounds), then
 * {@code max = v + b (u - v)} ({@link SelectShare}, 1 round), with {@code DReLU} and the
 * product from the protocol's {@link Comparison}: 9 rounds per level, against
 * {@code 9 (m - 1)} rounds for the linear scan. Bytes per comparison: {@code 488 + 40}.
 *
 * <p>Argmax: every row keeps a 0/1 "still winning" share; at each level the rows of a left group
 * are multiplied by {@code b} and those of the right group by {@code 1 - b} (one
 * product of {@code m R} elements, in the same round as the select; free at the first
 * level). Ties go left, and groups are contiguous ranges with the left one lower, so the lowest
 * index wins a tie, as in NumPy.
 */
final class MaxTree {
  private MaxTree() {}

  /** The maximum ({@code [R]}) and, if asked, the one-hot mask ({@code [m, R]}, bits). */
  record Result(Pair max, Pair oneHot) {}

  static Result reduce(Ops ops, Parties parties, Comparison cmp, String protocol, Pair x, boolean trackArgmax) {
    int[] shape = x.shape();
    if (shape.length != 2 || shape[0] == 0) {
      throw new IllegalArgumentException("max tree: expected [m > 0, R] shares, got " + Arrays.toString(shape));
    }
    int m = shape[0];
    int cols = shape[1];
    List<int[]> groups = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      groups.add(new int[] {i, i + 1});
    }
    Pair cur = x;
    Pair alive = null;
    try (var s = ops.graph().opScope(protocol, "maxTree")) {
      while (groups.size() > 1) {
        int rows = groups.size();
        int h = rows / 2;
        boolean odd = rows % 2 == 1;
        Pair even = odd ? cur.map(v -> ops.slice(v, new int[] {0, 0}, new int[] {2 * h, cols})) : cur;
        Pair pairs = even.map(v -> ops.reshape(v, h, 2, cols));
        Pair left = pairs.map(v -> ops.reshape(ops.slice(v, new int[] {0, 0, 0}, new int[] {h, 1, cols}), h, cols));
        Pair right = pairs.map(v -> ops.reshape(ops.slice(v, new int[] {0, 1, 0}, new int[] {h, 1, cols}), h, cols));
        Pair diff = new Pair(ops.sub(left.on0(), right.on0()), ops.sub(left.on1(), right.on1()));
        Pair b = null;
        Pair mx;
        if (cmp.hasReluGate() && !trackArgmax) {
          Pair up = cmp.relu(diff);
          mx = new Pair(ops.add(right.on0(), up.on0()), ops.add(right.on1(), up.on1()));
        } else {
          b = cmp.drelu(diff);
          mx = SelectShare.select(ops, cmp, protocol, b, diff, right);
        }
        if (odd) {
          Pair last = cur.map(v -> ops.slice(v, new int[] {2 * h, 0}, new int[] {1, cols}));
          mx = new Pair(ops.concatRows(mx.on0(), last.on0()), ops.concatRows(mx.on1(), last.on1()));
        }
        if (trackArgmax) {
          int[] spec = new int[m];
          Arrays.fill(spec, -1);
          for (int q = 0; q < h; q++) {
            for (int side = 0; side < 2; side++) {
              int[] g = groups.get(2 * q + side);
              Arrays.fill(spec, g[0], g[1], 2 * q + side);
            }
          }
          Pair sel = new Pair(RowSelect.selectRows(ops, b.on0(), spec, 0), RowSelect.selectRows(ops, b.on1(), spec, 1));
          alive = alive == null ? sel : cmp.product(alive, sel);
        }
        List<int[]> merged = new ArrayList<>();
        for (int q = 0; q < h; q++) {
          merged.add(new int[] {groups.get(2 * q)[0], groups.get(2 * q + 1)[1]});
        }
        if (odd) {
          merged.add(groups.get(rows - 1));
        }
        groups = merged;
        cur = mx;
      }
      Pair max = cur.map(v -> ops.reshape(v, cols));
      if (trackArgmax && alive == null) {
        alive = new Pair(ops.constant(parties.server0(), RingTensor.fill(1, 1, cols)),
            ops.constant(parties.server1(), RingTensor.zeros(1, cols)));
      }
      return new Result(max, alive);
    }
  }
}
