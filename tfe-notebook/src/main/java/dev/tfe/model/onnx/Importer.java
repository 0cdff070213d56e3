package dev.tfe.model.onnx;

import dev.tfe.model.Layers;
import dev.tfe.model.Sequential;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.onnx.proto.OnnxProto.GraphProto;
import dev.tfe.model.onnx.proto.OnnxProto.ModelProto;
import dev.tfe.model.onnx.proto.OnnxProto.NodeProto;
import dev.tfe.model.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorShapeProto;
import dev.tfe.model.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks an ONNX graph as one chain of layers. The chain's current tensor (the activation) starts
 * at the graph input; every node either reads only constants (and is folded), or reads the
 * activation and constants and yields the next activation, becoming zero or more layers
 * ({@link LayerOps}). Anything else (a branch, a second data input) is refused.
 */
final class Importer {
  /** The ops that take the activation, for the "unsupported op" message. */
  static final String SUPPORTED = "Gemm, MatMul, Add (a bias after Gemm, MatMul or Conv), Conv, MaxPool, "
      + "AveragePool, GlobalAveragePool, Relu, Sigmoid, Tanh, Flatten, Reshape, BatchNormalization, Softmax, Identity, "
      + "Dropout, Pad (zeros before a Conv), Shape, and the constant ops Constant, Cast, Transpose, Reshape, Slice, "
      + "Concat, Gather, Unsqueeze, Squeeze, ConstantOfShape";

  final Map<String, Const> constants = new HashMap<>();
  final List<Layer> layers = new ArrayList<>();
  final int opset;
  /** ONNX name of the activation. */
  String current;
  /** ONNX per-example shape of the activation (no batch axis); rank 3 means [C, H, W], held as NHWC. */
  int[] shape;
  /** For an activation of rank other than 3: library flat index to ONNX flat index; null for the identity. */
  int[] flatPerm;
  /** The Dense or Conv2D layer that produced the activation (nothing else since), for folding an Add. */
  Layer linearTail;
  /** Zero padding [top, left, bottom, right] of a Pad node, waiting for the Conv that must follow. */
  long[] pendingPads;
  String pendingPadNode;
  /** The batch size the input declares, or -1 if the batch axis is dynamic. */
  long fixedBatch = -1;

  private final ModelProto model;

  Importer(ModelProto model) {
    this.model = model;
    this.opset = opset(model);
  }

  private static int opset(ModelProto model) {
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        return (int) o.getVersion();
      }
    }
    throw new OnnxImportException("it imports no version of the standard operator set (opset_import is empty); "
        + "is this an ONNX model? Re-export it with torch.onnx.export or tf2onnx");
  }

  Sequential run() {
    GraphProto g = model.getGraph();
    if (g.getNodeCount() == 0) {
      throw new OnnxImportException("the graph has no nodes; is this an ONNX model file?");
    }
    for (TensorProto t : g.getInitializerList()) {
      constants.put(t.getName(), Const.of(t, null, "initializer '" + t.getName() + "'"));
    }
    input(g);
    ConstantFolder folder = new ConstantFolder(constants, opset);
    LayerOps ops = new LayerOps(this);
    for (int i = 0; i < g.getNodeCount(); i++) {
      NodeProto p = g.getNode(i);
      Node n = new Node(p, i);
      if (!p.getDomain().isEmpty() && !p.getDomain().equals("ai.onnx")) {
        throw n.refuse("its op comes from the custom domain '" + p.getDomain() + "', which has no layer here; export "
            + "the model with standard ONNX ops only");
      }
      boolean readsActivation = checkInputs(n);
      if (!readsActivation) {
        if (!ConstantFolder.folds(n.op)) {
          throw n.refuse("this op on constants is not supported; supported: " + SUPPORTED);
        }
        folder.fold(n);
      } else if (n.op.equals("Shape")) {
        constants.put(n.output(), shapeOfActivation());
      } else {
        if (pendingPads != null && !n.op.equals("Conv")) {
          throw n.refuse("it follows the Pad node '" + pendingPadNode + "', which pads with zeros; only a Conv may "
              + "follow such a Pad (the two become one SAME convolution)");
        }
        ops.apply(n);
      }
    }
    return finish(g);
  }

  /** Checks that the node reads only constants and the activation; returns whether it reads the activation. */
  private boolean checkInputs(Node n) {
    boolean reads = false;
    for (String in : n.inputs()) {
      if (in.isEmpty() || constants.containsKey(in)) {
        continue;
      }
      if (!in.equals(current)) {
        throw n.refuse("it reads '" + in + "', which is neither a constant nor the output of the previous layer; "
            + "only models that are one chain of layers (like nn.Sequential) can be imported, not branches or "
            + "residual connections");
      }
      reads = true;
    }
    return reads;
  }

  private void input(GraphProto g) {
    Set<String> init = new HashSet<>(constants.keySet());
    List<ValueInfoProto> inputs = g.getInputList().stream().filter(v -> !init.contains(v.getName())).toList();
    if (inputs.size() != 1) {
      throw new OnnxImportException("the graph has " + inputs.size() + " data inputs "
          + inputs.stream().map(ValueInfoProto::getName).toList() + "; exactly one is supported");
    }
    ValueInfoProto in = inputs.get(0);
    int elem = in.getType().getTensorType().getElemType();
    if (elem != TensorProto.DataType.FLOAT_VALUE && elem != TensorProto.DataType.DOUBLE_VALUE) {
      throw new OnnxImportException("input '" + in.getName() + "' has ONNX element type " + elem + "; only float "
          + "and double inputs are supported");
    }
    List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
    if (dims.size() < 2) {
      throw new OnnxImportException("input '" + in.getName() + "' has rank " + dims.size() + "; expected a batch "
          + "axis and at least one more, such as [N, 784] or [N, 1, 28, 28]");
    }
    fixedBatch = dims.get(0).hasDimValue() ? dims.get(0).getDimValue() : -1;
    shape = new int[dims.size() - 1];
    for (int i = 1; i < dims.size(); i++) {
      TensorShapeProto.Dimension d = dims.get(i);
      if (!d.hasDimValue() || d.getDimValue() <= 0) {
        throw new OnnxImportException("axis " + i + " of input '" + in.getName() + "' is dynamic ("
            + (d.hasDimParam() ? "'" + d.getDimParam() + "'" : "no size") + "); only the batch axis may be: export "
            + "with a fixed input size, e.g. torch.onnx.export(model, x, path, dynamic_axes={'" + in.getName()
            + "': {0: 'batch'}})");
      }
      shape[i - 1] = Math.toIntExact(d.getDimValue());
    }
    if (shape.length != 1 && shape.length != 3) {
      throw new OnnxImportException("input '" + in.getName() + "' has shape " + describe(dims) + "; supported are "
          + "vectors [N, F] and images [N, C, H, W]");
    }
    current = in.getName();
  }

  private static String describe(List<TensorShapeProto.Dimension> dims) {
    return dims.stream().map(d -> d.hasDimValue() ? String.valueOf(d.getDimValue()) : d.getDimParam()).toList()
        .toString();
  }

  /** {@code Shape} of the activation: the batch (as {@link Const#BATCH}) then the per-example ONNX shape. */
  private Const shapeOfActivation() {
    double[] v = new double[shape.length + 1];
    v[0] = Const.BATCH;
    for (int i = 0; i < shape.length; i++) {
      v[i + 1] = shape[i];
    }
    return Const.vector(v);
  }

  private Sequential finish(GraphProto g) {
    if (g.getOutputCount() != 1) {
      throw new OnnxImportException("the graph has " + g.getOutputCount() + " outputs; exactly one is supported");
    }
    String out = g.getOutput(0).getName();
    if (!out.equals(current)) {
      throw new OnnxImportException("the graph output '" + out + "' is not the end of the chain of layers ('"
          + current + "'); only models that are one chain of layers can be imported");
    }
    if (pendingPads != null) {
      throw new OnnxImportException("the model ends with the Pad node '" + pendingPadNode + "'; a Pad must be "
          + "followed by a Conv");
    }
    if (flatPerm != null) {
      throw new OnnxImportException("the model's output is a flattened NCHW feature map; the imported model would "
          + "list it in NHWC order. End the model with a Linear layer or before the Flatten");
    }
    if (layers.isEmpty()) {
      throw new OnnxImportException("the model computes nothing (only Identity or Dropout nodes)");
    }
    return Sequential.of(layers);
  }

  /** The library's per-example shape of the activation: NHWC for an ONNX image, else the ONNX shape. */
  int[] libraryShape() {
    return shape.length == 3 ? new int[] {shape[1], shape[2], shape[0]} : shape.clone();
  }

  /** The flat order of the activation against ONNX's (see {@link Layout}). */
  int[] currentFlatPerm() {
    return shape.length == 3 ? Layout.nhwcToNchw(shape[0], shape[1], shape[2]) : flatPerm;
  }

  /** Adds a layer that produced {@code output} of ONNX shape {@code newShape}. */
  void add(Layer layer, String output, int[] newShape, int[] newFlatPerm) {
    layers.add(layer);
    advance(output, newShape, newFlatPerm);
    linearTail = layer instanceof Dense || layer instanceof Conv2D ? layer : null;
  }

  /** Moves the activation to {@code output} without a layer (an identity in the library). */
  void advance(String output, int[] newShape, int[] newFlatPerm) {
    current = output;
    shape = newShape;
    flatPerm = newShape.length == 3 ? null : newFlatPerm;
  }

  /** Reshapes the activation to the per-example ONNX shape {@code target}, checking the layouts agree. */
  void reshape(Node n, int[] target) {
    int[] perm = currentFlatPerm();
    int[] libBefore = libraryShape();
    if (target.length == 3) {
      if (!Layout.same(perm, Layout.nhwcToNchw(target[0], target[1], target[2]))) {
        throw n.refuse("it reshapes the data to the image " + Arrays.toString(target) + " in an order that NHWC "
            + "cannot follow; reshape only to [N, C, H, W] with C = 1, or undo an earlier flatten exactly");
      }
      int[] lib = {target[1], target[2], target[0]};
      if (!Arrays.equals(lib, libBefore)) {
        layers.add(Layers.reshape(lib));
        linearTail = null;
      }
      advance(n.output(), target, null);
    } else if (target.length == 1) {
      if (libBefore.length != 1) {
        layers.add(Layers.flatten());
        linearTail = null;
      }
      advance(n.output(), target, perm);
    } else {
      if (!Layout.same(perm, null)) {
        throw n.refuse("it reshapes NCHW data to " + Arrays.toString(target) + ", which has no NHWC equivalent; "
            + "flatten to [N, features] instead");
      }
      if (!Arrays.equals(target, libBefore)) {
        layers.add(Layers.reshape(target));
        linearTail = null;
      }
      advance(n.output(), target, null);
    }
  }
}
