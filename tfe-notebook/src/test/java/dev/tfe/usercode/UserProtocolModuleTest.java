package dev.tfe.usercode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.Attrs;
import dev.tfe.graph.NodeRef;
import dev.tfe.graph.Ops;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.share.AdditiveProtocol;
import dev.tfe.protocol.share.SeededDealer;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.runtime.Kernels;
import dev.tfe.runtime.OpModule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A protocol written as one package outside the library (issue 12, item 1): an op defined once
 * (name, shape rule, wire width and kernel) in its own op module, a protocol composed from the
 * public share level, and a protocol module registered with one call. Nothing in the library
 * names it; it runs in-process here, and on party processes in party-launcher's UserOpOnProcessesTest.
 */
class UserProtocolModuleTest {

  /** The op {@value #OP}: the element-wise square of one party's ring values. */
  static final class SquareOps implements OpModule {
    static final String OP = "usercode.square";
    static final SquareOps INSTANCE = new SquareOps();

    @Override
    public String id() {
      return "usercode";
    }

    @Override
    public void registerInto(Kernels k) {
      k.register(OP, (n, in, p) -> in[0].mul(in[0]));
    }

    static NodeRef square(Ops ops, NodeRef x) {
      return ops.graph().add(OP, x.party(), Attrs.empty(), x.shape(), 8, x);
    }
  }

  /** Pond's arithmetic; squares from a dealer pair (private) or by the module's op (public). */
  static final class SquarePond extends AdditiveProtocol {
    SquarePond(Ops ops, FixedPoint fp, Parties parties) {
      super(ops, fp, parties, TruncationMode.INTERACTIVE, SeededDealer::seedOneServer);
    }

    @Override
    public String name() {
      return "squarepond";
    }

    @Override
    public Tensor relu(Tensor x) {
      throw new UnsupportedOperationException("squarepond has no comparisons");
    }

    @Override
    public Tensor square(Tensor x) {
      try (var s = scope("square")) {
        if (x.kind() == Tensor.Kind.PUBLIC) {
          return truncate(mapLinear(x, x.shape(), v -> SquareOps.square(ops, v)));
        }
        return DealerSquareTest.square(this, x);
      }
    }
  }

  /** The module: id, the three server roles (the default), its op module, a factory. */
  record SquarePondModule() implements ProtocolModule<SquarePond> {
    @Override
    public String id() {
      return "squarepond";
    }

    @Override
    public List<OpModule> opModules() {
      return List.of(SquareOps.INSTANCE);
    }

    @Override
    public SquarePond create(Ops ops, FixedPoint fp, Parties parties) {
      return new SquarePond(ops, fp, parties);
    }
  }

  @Test
  void aProtocolModuleWrittenOutsideTheLibraryRunsInProcess() {
    double[] values = {-6.5, -1.25, 0, 0.75, 3, 11.5};
    try (Tfe tfe = Tfe.local()) {
      SquarePond p = tfe.use(new SquarePondModule());
      assertSame(p, tfe.use(new SquarePondModule()), "registering again returns the same protocol");
      assertTrue(tfe.session().kernels().moduleIds().contains("usercode"));
      Party client = tfe.party("client");
      Tensor priv = tfe.definePrivateInput(p, client, Nd4j.createFromArray(values));
      Tensor pub = tfe.definePublicInput(p, client, Nd4j.createFromArray(values));
      Output a = tfe.defineOutput(p, client, p.square(priv));
      Output b = tfe.defineOutput(p, client, p.square(pub));
      RunResult r = tfe.run(a, b);
      double ulp = 1.0 / tfe.fixedPoint().config().scale();
      for (int i = 0; i < values.length; i++) {
        assertEquals(values[i] * values[i], r.values(a)[i], 2 * ulp, "private square of " + values[i]);
        assertEquals(values[i] * values[i], r.values(b)[i], 2 * ulp, "public square of " + values[i]);
      }
    }
  }
}
