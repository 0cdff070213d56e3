package dev.tfe.protocol.aby3;

import dev.tfe.graph.NodeRef;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * A 2-out-of-3 replicated sharing (Mohassel and Rindal, CCS 2018, section 2.2): the value is
 * {@code x = x0 + x1 + x2} (arithmetic, over Z_2^64) or {@code x0 ^ x1 ^ x2} (binary, bit-sliced
 * 64-bit words), and party {@code i} holds the pair {@code (x_i, x_(i+1))}: {@code own[i]} is its
 * {@code x_i}, {@code next[i]} its copy of {@code x_(i+1)}. Any two parties know all three shares;
 * any one sees two uniformly random words.
 */
record Shares(NodeRef[] own, NodeRef[] next) {
  Shares {
    if (own.length != 3 || next.length != 3) {
      throw new IllegalArgumentException("replicated shares need three parties");
    }
  }

  int[] shape() {
    return own[0].shape();
  }

  /** The same local map applied to every share on every party (a linear map). */
  Shares map(UnaryOperator<NodeRef> f) {
    NodeRef[] o = new NodeRef[3];
    NodeRef[] n = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      o[i] = f.apply(own[i]);
      n[i] = f.apply(next[i]);
    }
    return new Shares(o, n);
  }

  /** Share by share: {@code f(x_i, y_i)} (addition, subtraction, xor). */
  Shares zip(Shares y, BinaryOperator<NodeRef> f) {
    NodeRef[] o = new NodeRef[3];
    NodeRef[] n = new NodeRef[3];
    for (int i = 0; i < 3; i++) {
      o[i] = f.apply(own[i], y.own[i]);
      n[i] = f.apply(next[i], y.next[i]);
    }
    return new Shares(o, n);
  }

  /** Share {@code x_j} on party {@code j} ({@code own}) and on party {@code j - 1} ({@code next}) mapped by {@code f}. */
  Shares mapShare(int j, UnaryOperator<NodeRef> f) {
    NodeRef[] o = own.clone();
    NodeRef[] n = next.clone();
    o[j] = f.apply(o[j]);
    int prev = (j + 2) % 3;
    n[prev] = f.apply(n[prev]);
    return new Shares(o, n);
  }
}
