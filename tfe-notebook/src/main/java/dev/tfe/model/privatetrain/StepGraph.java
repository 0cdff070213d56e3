package dev.tfe.model.privatetrain;

import dev.tfe.program.Party;
import dev.tfe.program.Program;
import dev.tfe.graph.Graph;
import dev.tfe.graph.NodeRef;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of one SGD step on a batch of a fixed size, built once and run for every batch of
 * that size:
 * <ol>
 *   <li>every data owner secret-shares a {@code [B, ...]} block holding its rows of the batch at
 *       their positions and zeros elsewhere (and likewise the targets); the servers add the
 *       blocks, locally, into the batch. Who holds which position follows from the public
 *       schedule (the shuffled order), so the zeros reveal nothing more;</li>
 *   <li>forward through the layers, keeping what backward needs;</li>
 *   <li>the loss gradient ({@link PrivateLoss}), backward through the layers;</li>
 *   <li>the optimiser's updates ({@link PrivateSgd}), written to the parameters' variables, and
 *       the tracked squared error added to a private accumulator.</li>
 * </ol>
 * A run targets the writes: nothing is revealed to anyone.
 */
final class StepGraph {
  private final int batch;
  private final Map<Party, String[]> keys = new LinkedHashMap<>();
  private final List<NodeRef> targets = new ArrayList<>();

  StepGraph(Program tfe, Protocol p, String scope, PrivateNetwork net, PrivateLoss loss, PrivateSgd sgd,
      PrivateVariable accumulator, List<Party> owners, int batch, int[] example, int outputs, int nominalBatch) {
    this.batch = batch;
    try (Graph.Scope s = tfe.graph().layerScope(scope.split("/"))) {
      Tensor x = null;
      Tensor y = null;
      try (Graph.Scope in = tfe.graph().layerScope("inputs")) {
        for (Party o : owners) {
          String kx = scope + ".x." + o.name();
          String ky = scope + ".y." + o.name();
          keys.put(o, new String[] {kx, ky});
          Tensor xo = tfe.definePrivateInput(p, o, kx, batchShape(batch, example));
          Tensor yo = tfe.definePrivateInput(p, o, ky, batch, outputs);
          x = x == null ? xo : p.add(x, xo);
          y = y == null ? yo : p.add(y, yo);
        }
      }
      List<TrainableStep> steps = net.steps();
      Tensor h = x;
      for (int i = 0; i < steps.size(); i++) {
        try (Graph.Scope l = tfe.graph().layerScope("forward" + i)) {
          h = steps.get(i).forward(p, h, true);
        }
      }
      PrivateLoss.Result r;
      try (Graph.Scope l = tfe.graph().layerScope("loss")) {
        r = loss.apply(p, h, y, batch);
        Tensor acc = accumulator.read(p);
        Tensor sum = p.add(acc, loss.squaredError(p, r.predictions(), y, 1.0 / nominalBatch));
        targets.addAll(accumulator.write(p, sum));
      }
      Tensor g = r.gradient();
      List<PrivateVariable> params = new ArrayList<>();
      List<Tensor> values = new ArrayList<>();
      List<Tensor> grads = new ArrayList<>();
      for (int i = loss.backwardLayers() - 1; i >= 0; i--) {
        try (Graph.Scope l = tfe.graph().layerScope("backward" + i)) {
          TrainableStep st = steps.get(i);
          g = st.backward(p, g, i > 0);
          params.addAll(0, st.parameters());
          values.addAll(0, st.values());
          grads.addAll(0, st.gradients());
        }
      }
      try (Graph.Scope l = tfe.graph().layerScope("update")) {
        targets.addAll(sgd.update(p, params, values, grads, net.velocities()));
      }
    }
  }

  private static int[] batchShape(int batch, int[] example) {
    int[] s = new int[example.length + 1];
    s[0] = batch;
    System.arraycopy(example, 0, s, 1, example.length);
    return s;
  }

  int batch() {
    return batch;
  }

  /** The input keys of each owner: features, targets. */
  Map<Party, String[]> keys() {
    return keys;
  }

  /** The writes a run of this step targets. */
  List<NodeRef> targets() {
    return targets;
  }
}
