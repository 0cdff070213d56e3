package dev.tfe.model.privatetrain;

import dev.tfe.program.Party;
import dev.tfe.program.Program;
import dev.tfe.graph.NodeRef;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The private state of a model under training: its parameters as private variables, shared once
 * by the model owner, and for every layer a maker of its {@link TrainableStep} (a fresh one per
 * step graph). Layers: Dense, Conv2D, MaxPooling2D, AveragePooling2D, ReLU, Sigmoid, Flatten, Reshape
 * (and a final Softmax fused with
 * cross-entropy by {@link PrivateLoss}).
 */
final class PrivateNetwork {
  private final List<Supplier<TrainableStep>> makers = new ArrayList<>();
  private final List<PrivateVariable> parameters = new ArrayList<>();
  private final List<PrivateVariable> velocities = new ArrayList<>();
  private final List<NodeRef> initialisation = new ArrayList<>();

  /**
   * Declares the variables of {@code model}'s first {@code layers} layers: the owner shares the
   * current weights (and zero velocities when {@code momentum}); {@link #initialisation()} writes them.
   */
  PrivateNetwork(Program tfe, Protocol p, String id, Sequential model, int layers, Party owner, boolean momentum) {
    for (int i = 0; i < layers; i++) {
      Layer l = model.layer(i);
      String name = id + ".l" + i;
      if (l instanceof Dense d) {
        PrivateVariable w = share(tfe, p, owner, name + ".w", d.weights(), momentum);
        PrivateVariable b = share(tfe, p, owner, name + ".b", d.bias(), momentum);
        makers.add(() -> new DenseStep(w, b));
      } else if (l instanceof dev.tfe.model.layers.Conv2D c) {
        if (c.strideH() != 1 || c.strideW() != 1 || c.padding() != dev.tfe.model.layers.Padding.VALID) {
          throw new IllegalArgumentException("layer " + (i + 1) + " (" + c + "): private training supports Conv2D with "
              + "stride 1 and VALID padding");
        }
        PrivateVariable w = share(tfe, p, owner, name + ".w", c.kernel(), momentum);
        PrivateVariable b = share(tfe, p, owner, name + ".b", c.bias(), momentum);
        makers.add(() -> new ConvStep(w, b));
      } else if (l instanceof dev.tfe.model.layers.Pooling2D pool) {
        if (pool.strideH() != pool.poolH() || pool.strideW() != pool.poolW()
            || pool.padding() != dev.tfe.model.layers.Padding.VALID) {
          throw new IllegalArgumentException("layer " + (i + 1) + " (" + pool + "): private training supports pooling "
              + "over non-overlapping windows (stride = pool size, VALID padding)");
        }
        boolean isMax = pool instanceof dev.tfe.model.layers.MaxPooling2D;
        makers.add(() -> new PoolStep(isMax, pool.poolH(), pool.poolW()));
      } else if (l instanceof ReLU) {
        makers.add(ReluStep::new);
      } else if (l instanceof Sigmoid) {
        makers.add(SigmoidStep::new);
      } else if (l instanceof Flatten) {
        makers.add(() -> new ReshapeStep(-1));
      } else if (l instanceof Reshape r) {
        makers.add(() -> new ReshapeStep(r.targetShape()));
      } else {
        throw new IllegalArgumentException("layer " + (i + 1) + " (" + l + ") has no private training form yet; private "
            + "training supports Dense, Conv2D, MaxPooling2D, AveragePooling2D, ReLU, Sigmoid, Flatten and Reshape (and a final "
            + "Softmax with cross-entropy)");
      }
    }
  }

  private PrivateVariable share(Program tfe, Protocol p, Party owner, String name, INDArray value, boolean momentum) {
    Tensor init = tfe.definePrivateInput(p, owner, value);
    PrivateVariable v = new PrivateVariable(name, init);
    initialisation.addAll(v.write(p, init));
    parameters.add(v);
    if (momentum) {
      Tensor zero = tfe.definePrivateInput(p, owner, value.mul(0));
      PrivateVariable vel = new PrivateVariable(name + ".v", zero);
      initialisation.addAll(vel.write(p, zero));
      velocities.add(vel);
    }
    return v;
  }

  /** Fresh steps for one graph, in layer order. */
  List<TrainableStep> steps() {
    return makers.stream().map(Supplier::get).toList();
  }

  List<PrivateVariable> parameters() {
    return parameters;
  }

  /** The velocities of momentum, one per parameter, or none. */
  List<PrivateVariable> velocities() {
    return velocities;
  }

  /** The writes that share the initial weights, to run once. */
  List<NodeRef> initialisation() {
    return initialisation;
  }
}
