package dev.tfe.protocol.fss;

import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.fss.kernels.FssOps;
import dev.tfe.protocol.share.AdditiveMaskedTensor;
import dev.tfe.protocol.share.AdditivePrivateTensor;
import dev.tfe.protocol.share.Beaver;
import dev.tfe.protocol.share.Bilinear;
import dev.tfe.protocol.share.Comparison;
import dev.tfe.protocol.share.Dealer;
import dev.tfe.protocol.share.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * The FSS protocol's {@link Comparison}: {@link DRelu} on comparison keys, and exact products by
 * Beaver triples from the same dealer. A value that DReLU has just opened masked keeps its mask
 * and opening ({@code a = -r}, {@code alpha = y}), so the product that follows in ReLU
 * ({@code x * DReLU(x)}), select and maximum opens only the bit operand: {@code 16n} online
 * bytes and one round, plus the dealer's {@code 8n} bytes of the triple's product, offline.
 */
final class FssComparison implements Comparison {
  private final Ops ops;
  private final FssOps fss;
  private final Parties parties;
  private final Dealer dealer;
  private final int bits;
  /** The masked openings DReLU made, by the value compared. */
  private final Map<Pair, AdditiveMaskedTensor> opened = new HashMap<>();

  FssComparison(Ops ops, Parties parties, Dealer dealer, int bits) {
    this.ops = ops;
    this.fss = new FssOps(ops);
    this.parties = parties;
    this.dealer = dealer;
    this.bits = bits;
  }

  @Override
  public synchronized Pair drelu(Pair a) {
    DRelu.Result r = DRelu.run(ops, fss, parties, dealer, bits, a);
    opened.put(a, r.masked());
    return r.bits();
  }

  /** The ReLU gate ({@link ReluGate}): one online round and {@code 16n} online bytes, no product. */
  @Override
  public synchronized Pair relu(Pair x) {
    return ReluGate.run(ops, fss, parties, dealer, bits, x);
  }

  @Override
  public boolean hasReluGate() {
    return true;
  }

  @Override
  public synchronized Pair product(Pair x, Pair y) {
    try (var s = ops.graph().opScope(Fss.NAME, "mul")) {
      AdditiveMaskedTensor mx = maskOf(x);
      AdditiveMaskedTensor my = maskOf(y);
      AdditivePrivateTensor z = Beaver.product(ops, parties, Bilinear.MUL, mx, my, dealer);
      return new Pair(z.share0(), z.share1());
    }
  }

  private AdditiveMaskedTensor maskOf(Pair x) {
    AdditiveMaskedTensor m = opened.get(x);
    return m != null ? m : Beaver.mask(ops, parties, dealer, new AdditivePrivateTensor(x.on0(), x.on1()));
  }
}
