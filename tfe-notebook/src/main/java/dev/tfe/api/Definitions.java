package dev.tfe.api;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.graph.NodeRef;
import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.RingTensor;
import dev.tfe.runtime.FileInputs;
import dev.tfe.runtime.Session;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inputs and outputs of a session's graph: values encoded in fixed point and handed to their
 * owning party alone ({@link Session#provide}), keys for values fed at run time, and outputs
 * revealed to one receiver. The mechanics behind {@link Tfe}'s {@code define...} methods.
 */
final class Definitions {
  private final Session session;
  private final FixedPoint fp;
  private final Function<String, Party> requireParty;
  private final AtomicInteger keys = new AtomicInteger();

  Definitions(Session session, FixedPoint fp, Function<String, Party> requireParty) {
    this.session = session;
    this.fp = fp;
    this.requireParty = requireParty;
  }

  Tensor privateInput(Protocol p, Party owner, INDArray value) {
    return p.definePrivateInput(owner.name(), provide(owner, value, "private input"), shapeOf(value));
  }

  Tensor privateInput(Protocol p, Party owner, String key, int... shape) {
    requireParty.apply(owner.name());
    return p.definePrivateInput(owner.name(), key, shape);
  }

  Tensor privateInputFromFile(Protocol p, Party owner, String path, int... shape) {
    requireParty.apply(owner.name());
    return p.definePrivateInput(owner.name(), FileInputs.key(path, fp.config()), shape);
  }

  Tensor publicInput(Protocol p, Party provider, INDArray value) {
    return p.definePublicInput(provider.name(), provide(provider, value, "public input"), shapeOf(value));
  }

  Tensor constant(Protocol p, INDArray value) {
    return p.defineConstant(fp.encode(value, "constant"));
  }

  Tensor privateVariable(Protocol p, Party owner, INDArray initial) {
    return p.definePrivateVariable(owner.name(), provide(owner, initial, "private variable"), shapeOf(initial));
  }

  Output output(Protocol p, Party receiver, Tensor x) {
    requireParty.apply(receiver.name());
    String key = "out" + keys.incrementAndGet();
    NodeRef node = p.defineOutput(receiver.name(), x, key);
    return new Output(key, receiver, node, x.shape());
  }

  /** Runs the graph for {@code outputs} with per-run {@code feeds}, each encoded for its party alone. */
  RunResult run(Map<Party, Map<String, INDArray>> feeds, Output... outputs) {
    Map<String, Map<String, RingTensor>> encoded = new HashMap<>();
    for (Map.Entry<Party, Map<String, INDArray>> e : feeds.entrySet()) {
      requireParty.apply(e.getKey().name());
      Map<String, RingTensor> m = new HashMap<>();
      for (Map.Entry<String, INDArray> v : e.getValue().entrySet()) {
        m.put(v.getKey(), fp.encode(v.getValue(), "input '" + v.getKey() + "' of " + e.getKey()));
      }
      encoded.put(e.getKey().name(), m);
    }
    List<NodeRef> nodes = Arrays.stream(outputs).map(Output::node).toList();
    return new RunResult(session.run(nodes, encoded), fp);
  }

  private String provide(Party owner, INDArray value, String what) {
    requireParty.apply(owner.name());
    String key = "in" + keys.incrementAndGet();
    session.provide(owner.name(), key, fp.encode(value, what + " of " + owner.name()));
    return key;
  }

  private static int[] shapeOf(INDArray a) {
    return Arrays.stream(a.shape()).mapToInt(Math::toIntExact).toArray();
  }
}
