package dev.tfe.program;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.profile.Profile;
import dev.tfe.runtime.Session;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a run gave back: each output, decoded from fixed point, for its receiver; and the
 * profile (time, bytes and rounds per op and party).
 */
public final class RunResult {
  private final Session.Result raw;
  private final FixedPoint fp;

  public RunResult(Session.Result raw, FixedPoint fp) {
    this.raw = raw;
    this.fp = fp;
  }

  /** The decoded value of an output, as an ND4J array of its shape. */
  public INDArray get(Output o) {
    return fp.decodeToNd4j(raw.get(o.key()), "output '" + o.key() + "'");
  }

  /** The decoded value of an output, row-major. */
  public double[] values(Output o) {
    return fp.decode(raw.get(o.key()), "output '" + o.key() + "'");
  }

  /** The party that received an output. */
  public String receiver(Output o) {
    return raw.receivers().get(o.key());
  }

  public Profile profile() {
    return raw.profile();
  }

  /** The raw ring outputs, for protocol work. */
  public Session.Result raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "RunResult " + raw.outputs().keySet() + " in " + String.format("%.1f ms", raw.profile().wallMillis());
  }
}
