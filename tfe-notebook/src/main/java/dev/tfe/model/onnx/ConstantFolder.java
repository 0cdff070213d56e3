package dev.tfe.model.onnx;

import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the nodes whose inputs are all constants: the shape and padding arithmetic that
 * exporters emit (PyTorch computes {@code F.pad} amounts and {@code x.view(x.size(0), -1)} this
 * way), and constant transposes of weights. The batch size appears as {@link Const#BATCH}.
 */
final class ConstantFolder {
  private final Map<String, Const> constants;
  private final int opset;

  ConstantFolder(Map<String, Const> constants, int opset) {
    this.constants = constants;
    this.opset = opset;
  }

  /** Whether this op can be folded when all its inputs are constant. */
  static boolean folds(String op) {
    return switch (op) {
      case "Constant", "Identity", "Cast", "Transpose", "Reshape", "Slice", "Concat", "Gather", "Unsqueeze",
          "Squeeze", "ConstantOfShape" -> true;
      default -> false;
    };
  }

  /** Computes the node's output and records it as a constant. */
  void fold(Node node) {
    constants.put(node.output(), evaluate(node));
  }

  private Const in(Node node, int k) {
    String name = node.input(k);
    return name.isEmpty() ? null : constants.get(name);
  }

  private Const evaluate(Node n) {
    switch (n.op) {
      case "Constant":
        return constant(n);
      case "Identity":
        return in(n, 0);
      case "Cast": {
        long to = n.i("to", 1);
        Const x = in(n, 0);
        if (to == 1 || to == 11) {
          return x;
        }
        double[] v = x.data.clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = v[i] == Const.BATCH ? v[i] : (long) v[i];
        }
        return new Const(x.shape, v);
      }
      case "Transpose": {
        Const x = in(n, 0);
        long[] perm = n.ints("perm");
        int[] p = new int[x.rank()];
        for (int i = 0; i < p.length; i++) {
          p[i] = perm == null ? p.length - 1 - i : (int) perm[i];
        }
        return x.transpose(p);
      }
      case "Reshape":
        return in(n, 0).reshape(in(n, 1).longs());
      case "Slice": {
        Const x = in(n, 0);
        long[] starts = opset >= 10 ? in(n, 1).longs() : n.ints("starts");
        long[] ends = opset >= 10 ? in(n, 2).longs() : n.ints("ends");
        Const axesIn = opset >= 10 ? in(n, 3) : null;
        long[] axes = opset >= 10 ? (axesIn == null ? null : axesIn.longs()) : n.ints("axes");
        Const stepsIn = opset >= 10 ? in(n, 4) : null;
        if (axes == null) {
          axes = new long[starts.length];
          Arrays.setAll(axes, i -> i);
        }
        long[] steps = stepsIn == null ? new long[starts.length] : stepsIn.longs();
        if (stepsIn == null) {
          Arrays.fill(steps, 1);
        }
        return x.slice(starts, ends, axes, steps);
      }
      case "Concat": {
        List<Const> parts = new ArrayList<>();
        for (int k = 0; k < n.inputs().size(); k++) {
          parts.add(in(n, k));
        }
        return Const.concat(parts, (int) n.i("axis", 0));
      }
      case "Gather":
        if (n.i("axis", 0) != 0) {
          throw n.refuse("constant Gather along axis " + n.i("axis", 0) + " is not supported (only axis 0)");
        }
        return in(n, 0).gather(in(n, 1));
      case "Unsqueeze":
        return in(n, 0).unsqueeze(opset >= 13 ? in(n, 1).longs() : n.ints("axes"));
      case "Squeeze": {
        Const axes = opset >= 13 ? in(n, 1) : null;
        return in(n, 0).squeeze(opset >= 13 ? (axes == null ? null : axes.longs()) : n.ints("axes"));
      }
      case "ConstantOfShape": {
        long[] shape = in(n, 0).longs();
        TensorProto value = n.tensor("value");
        double[] v = new double[Math.toIntExact(Const.size(shape))];
        Arrays.fill(v, value == null ? 0 : Const.of(value, n, "its value").data[0]);
        return new Const(shape, v);
      }
      default:
        throw new IllegalStateException(n.op + " is not foldable");
    }
  }

  private static Const constant(Node n) {
    if (n.tensor("value") != null) {
      return Const.of(n.tensor("value"), n, "its value");
    }
    if (n.has("value_float")) {
      return new Const(new long[0], new double[] {n.f("value_float", 0)});
    }
    if (n.has("value_int")) {
      return new Const(new long[0], new double[] {n.i("value_int", 0)});
    }
    if (n.has("value_ints")) {
      return Const.vector(Arrays.stream(n.ints("value_ints")).asDoubleStream().toArray());
    }
    if (n.has("value_floats")) {
      List<Float> f = n.proto.getAttributeList().stream().filter(a -> a.getName().equals("value_floats")).findFirst()
          .orElseThrow().getFloatsList();
      return Const.vector(f.stream().mapToDouble(Float::doubleValue).toArray());
    }
    throw n.refuse("a Constant with attributes " + n.attributeNames() + " is not supported (only value, value_float, "
        + "value_floats, value_int and value_ints)");
  }
}
