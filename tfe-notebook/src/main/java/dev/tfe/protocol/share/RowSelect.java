package dev.tfe.protocol.share;

import dev.tfe.graph.Attrs;
import dev.tfe.graph.Node;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.ring.RingTensor;
import dev.tfe.ring.Shapes;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import dev.tfe.runtime.PartyState;
import java.util.Arrays;

/**
 * The op {@value #OP}, defined once (name, shape rule, wire width and kernel), and the op module
 * (id {@value #ID}) that holds it: rows chosen by decision bits, on one server's share, for the
 * argmax of the max tree ({@link MaxTree}). Row {@code k} of the {@code [spec.length, R]} result
 * is row {@code p} of {@code bits} when {@code spec[k] = 2p}, one minus it when
 * {@code spec[k] = 2p + 1}, and the constant 1 when {@code spec[k] = -1} (constants are added by
 * server0's share only).
 */
public final class RowSelect implements OpModule {
  public static final String ID = "share";
  public static final String OP = "snn.rows";
  /** The one instance (stateless). */
  public static final RowSelect INSTANCE = new RowSelect();

  private RowSelect() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void registerInto(Kernels k) {
    k.register(OP, RowSelect::kernel);
  }

  /** Adds the op for the share of server {@code party} (0 or 1). */
  public static NodeRef selectRows(Ops ops, NodeRef bits, int[] spec, int party) {
    int[] s = bits.shape();
    if (s.length != 2) {
      throw new IllegalArgumentException("select rows: decision bits must be [pairs, R], got " + Shapes.str(s));
    }
    for (int v : spec) {
      if (v < -1 || v >= 2 * s[0]) {
        throw new IllegalArgumentException("select rows: bad row code " + v + " for " + s[0] + " decisions");
      }
    }
    return ops.graph().add(OP, bits.party(), Attrs.of("spec", spec, "party", (long) party), new int[] {spec.length, s[1]}, 8, bits);
  }

  private static RingTensor kernel(Node n, RingTensor[] in, PartyState p) {

    int[] spec = n.attrs().getInts("spec");
    boolean first = n.attrs().getInt("party") == 0;
    long[] b = in[0].data();
    int cols = in[0].dim(1);
    long[] r = new long[spec.length * cols];
    for (int k = 0; k < spec.length; k++) {
      int code = spec[k];
      int o = k * cols;
      if (code < 0) {
        if (first) {
          Arrays.fill(r, o, o + cols, 1L);
        }
      } else if ((code & 1) == 0) {
        System.arraycopy(b, (code >> 1) * cols, r, o, cols);
      } else {
        int src = (code >> 1) * cols;
        for (int c = 0; c < cols; c++) {
          r[o + c] = (first ? 1 : 0) - b[src + c];
        }
      }
    }
    return RingTensor.of(r, spec.length, cols);
  }
}
