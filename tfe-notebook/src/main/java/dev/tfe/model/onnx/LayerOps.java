package dev.tfe.model.onnx;

import dev.tfe.model.Layers;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Padding;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns each node that reads the activation into layers of the library, in the layout the
 * {@link Importer} tracks. One {@code case} per supported op; every other op is refused by name.
 */
final class LayerOps {
  private final Importer im;

  LayerOps(Importer im) {
    this.im = im;
  }

  void apply(Node n) {
    switch (n.op) {
      case "Identity", "Dropout" -> im.advance(n.output(), im.shape, im.flatPerm);
      case "Relu" -> im.add(Layers.relu(), n.output(), im.shape, im.flatPerm);
      case "Sigmoid" -> im.add(Layers.sigmoid(), n.output(), im.shape, im.flatPerm);
      case "Tanh" -> im.add(Layers.tanh(), n.output(), im.shape, im.flatPerm);
      case "Softmax" -> softmax(n);
      case "Flatten" -> flatten(n);
      case "Reshape" -> reshape(n);
      case "Gemm" -> gemm(n);
      case "MatMul" -> dense(n, weightOf(n, "MatMul"), null);
      case "Add" -> addBias(n);
      case "Conv" -> conv(n);
      case "MaxPool", "AveragePool" -> pool(n);
      case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(n);
      case "Pad" -> PadOp.apply(im, n);
      case "BatchNormalization" -> batchNorm(n);
      case "Transpose" -> throw n.refuse("a Transpose of the data (perm " + Arrays.toString(n.ints("perm"))
          + ") has no layer here; the importer already converts NCHW to NHWC, so remove the permute() from the model");
      default -> throw n.refuse("this op is not supported on the data; replace it in the model before exporting "
          + "(supported: " + Importer.SUPPORTED + ")");
    }
  }

  private int[] needRank(Node n, int rank, String what) {
    if (im.shape.length != rank) {
      throw n.refuse("it needs " + what + ", got per-example shape " + Arrays.toString(im.shape));
    }
    return im.shape;
  }

  private Const constantInput(Node n, int k, String what) {
    String name = n.input(k);
    Const c = name.isEmpty() ? null : im.constants.get(name);
    if (c == null) {
      throw n.refuse("its " + what + " (input " + k + ") must be a constant (an initializer), got '" + name + "'");
    }
    return c;
  }

  private void softmax(Node n) {
    needRank(n, 1, "[N, classes] (softmax over classes)");
    long axis = n.i("axis", im.opset >= 13 ? -1 : 1);
    if (axis != 1 && axis != -1) {
      throw n.refuse("softmax over axis " + axis + " is not supported; only over the classes, the last axis of "
          + "[N, classes] (nn.Softmax(dim=1))");
    }
    im.add(Layers.softmax(), n.output(), im.shape, im.flatPerm);
  }

  private void flatten(Node n) {
    long axis = n.i("axis", 1);
    if (axis != 1 && axis != -im.shape.length) {
      throw n.refuse("Flatten with axis=" + axis + " merges the batch axis or keeps several; only axis=1 "
          + "(torch.flatten(x, 1), nn.Flatten()) is supported");
    }
    im.reshape(n, new int[] {Arrays.stream(im.shape).reduce(1, (a, b) -> a * b)});
  }

  private void reshape(Node n) {
    long[] t = constantInput(n, 1, "target shape").longs();
    if (n.i("allowzero", 0) != 0 && Arrays.stream(t).anyMatch(d -> d == 0)) {
      throw n.refuse("allowzero=1 with a 0 in the target shape is not supported");
    }
    long batch = t.length == 0 ? 1 : t[0];
    boolean isBatch = batch == (long) Const.BATCH || batch == -1 || batch == 0
        || (im.fixedBatch > 0 && batch == im.fixedBatch);
    if (!isBatch) {
      throw n.refuse("its target shape " + Arrays.toString(t) + " changes the batch axis; reshape to "
          + "(x.size(0), ...) or (-1, ...) so that the batch stays first");
    }
    int size = Arrays.stream(im.shape).reduce(1, (a, b) -> a * b);
    int[] target = new int[t.length - 1];
    int free = -1;
    int known = 1;
    for (int i = 1; i < t.length; i++) {
      long d = t[i] == 0 && i - 1 < im.shape.length ? im.shape[i - 1] : t[i];
      if (d == -1 && free < 0 && batch != -1) {
        free = i - 1;
      } else if (d <= 0) {
        throw n.refuse("its target shape " + Arrays.toString(t) + " has a dynamic or invalid size at axis " + i
            + "; export with fixed sizes for every axis but the batch");
      } else {
        target[i - 1] = (int) d;
        known *= (int) d;
      }
    }
    if (free >= 0) {
      target[free] = size / known;
      known *= target[free];
    }
    if (known != size) {
      throw n.refuse("its target shape " + Arrays.toString(t) + " does not hold the " + size + " values of each "
          + "example (shape " + Arrays.toString(im.shape) + ")");
    }
    im.reshape(n, target);
  }

  private INDArray weightOf(Node n, String what) {
    Const w = constantInput(n, 1, "weight");
    if (w.rank() != 2 || !n.input(0).equals(im.current)) {
      throw n.refuse(what + " must multiply the data [N, in] by a constant matrix [in, out] (got a weight of shape "
          + Arrays.toString(w.shape) + ")");
    }
    return w.array();
  }

  private void gemm(Node n) {
    if (n.i("transA", 0) != 0) {
      throw n.refuse("transA=1 (a transposed data matrix) is not supported; multiply the data itself (x @ W, "
          + "nn.Linear)");
    }
    INDArray w = weightOf(n, "Gemm");
    if (n.i("transB", 0) != 0) {
      w = w.transpose().dup('c');
    }
    w.muli(n.f("alpha", 1));
    Const c = n.input(2).isEmpty() ? null : constantInput(n, 2, "bias");
    INDArray bias = null;
    if (c != null) {
      bias = vector(n, c, (int) w.size(1), "bias C").muli(n.f("beta", 1));
    }
    dense(n, w, bias);
  }

  private void dense(Node n, INDArray w, INDArray bias) {
    int in = needRank(n, 1, "[N, features] (add a Flatten before it)")[0];
    if (w.size(0) != in) {
      throw n.refuse("its weight has " + w.size(0) + " rows but the data has " + in + " features");
    }
    int out = (int) w.size(1);
    INDArray b = bias == null ? Nd4j.zeros(DataType.DOUBLE, out) : bias;
    im.add(Dense.withWeights(Layout.rows(w, im.flatPerm), b), n.output(), new int[] {out}, null);
  }

  /** A constant of {@code size} values, or one value broadcast, as a vector. */
  private static INDArray vector(Node n, Const c, int size, String what) {
    if (c.data.length == size || c.data.length == 1) {
      return c.data.length == size ? Nd4j.create(c.data.clone(), new long[] {size}, DataType.DOUBLE)
          : Nd4j.valueArrayOf(new long[] {size}, c.data[0], DataType.DOUBLE);
    }
    throw n.refuse("its " + what + " has shape " + Arrays.toString(c.shape) + "; expected " + size + " values or one");
  }

  private void addBias(Node n) {
    int k = n.input(0).equals(im.current) ? 1 : 0;
    if (n.input(1 - k).equals(n.input(k))) {
      throw n.refuse("it adds the data to itself; only adding a constant bias is supported");
    }
    Const c = constantInput(n, k, "addend");
    if (im.linearTail instanceof Dense d && c.shape.length <= 2 && (c.shape.length < 2 || c.shape[0] == 1)) {
      d.bias().addi(vector(n, c, d.outputSize(), "addend"));
    } else if (im.linearTail instanceof Conv2D conv && (c.data.length == 1 || (c.data.length == conv.filters()
        && c.shape.length >= 3 && c.shape[c.shape.length - 3] == conv.filters()))) {
      conv.bias().addi(vector(n, c, conv.filters(), "addend"));
    } else {
      throw n.refuse("it adds a constant of shape " + Arrays.toString(c.shape) + " that is not the bias of a "
          + "directly preceding Gemm, MatMul or Conv; this library has no layer that adds a constant");
    }
    im.advance(n.output(), im.shape, im.flatPerm);
  }

  private void conv(Node n) {
    int[] s = needRank(n, 3, "images [N, C, H, W] (only 2-D convolutions are supported)");
    if (n.i("group", 1) != 1) {
      throw n.refuse("group=" + n.i("group", 1) + " (a grouped or depthwise convolution) has no layer here; use "
          + "groups=1");
    }
    Const w = constantInput(n, 1, "weight");
    if (w.rank() != 4 || w.shape[1] != s[0]) {
      throw n.refuse("its weight has shape " + Arrays.toString(w.shape) + "; expected [Cout, " + s[0] + ", kh, kw]");
    }
    long[] kernel = n.ints("kernel_shape") != null ? n.ints("kernel_shape") : new long[] {w.shape[2], w.shape[3]};
    Windows.Window win = Windows.read(n, s[1], s[2], kernel, im.pendingPads);
    im.pendingPads = null;
    int filters = (int) w.shape[0];
    INDArray bias = n.input(2).isEmpty() ? Nd4j.zeros(DataType.DOUBLE, filters)
        : vector(n, constantInput(n, 2, "bias"), filters, "bias");
    Conv2D layer = Conv2D.withWeights(Layout.kernel(w.array()), bias, win.sh(), win.sw(), win.padding());
    im.add(layer, n.output(), new int[] {filters, win.outH(s[1]), win.outW(s[2])}, null);
  }

  private void pool(Node n) {
    int[] s = needRank(n, 3, "images [N, C, H, W] (only 2-D pooling is supported)");
    Windows.Window win = Windows.read(n, s[1], s[2], n.ints("kernel_shape"), null);
    boolean max = n.op.equals("MaxPool");
    if (!max && win.padding() == Padding.SAME && n.i("count_include_pad", 0) != 0) {
      throw n.refuse("count_include_pad=1 averages padding zeros in, which this library's average pooling does "
          + "not; export with count_include_pad=False");
    }
    var layer = max ? Layers.maxPool2d(win.kh(), win.kw(), win.sh(), win.sw(), win.padding())
        : Layers.avgPool2d(win.kh(), win.kw(), win.sh(), win.sw(), win.padding());
    im.add(layer, n.output(), new int[] {s[0], win.outH(s[1]), win.outW(s[2])}, null);
  }

  private void globalPool(Node n) {
    int[] s = needRank(n, 3, "images [N, C, H, W]");
    var layer = n.op.equals("GlobalMaxPool") ? Layers.maxPool2d(s[1], s[2], s[1], s[2], Padding.VALID)
        : Layers.avgPool2d(s[1], s[2], s[1], s[2], Padding.VALID);
    im.add(layer, n.output(), new int[] {s[0], 1, 1}, null);
  }

  private void batchNorm(Node n) {
    if (n.i("training_mode", 0) != 0) {
      throw n.refuse("training_mode=1 (batch statistics at inference) is not supported; export the model in "
          + "eval mode (model.eval())");
    }
    if (im.shape.length != 1 && im.shape.length != 3) {
      throw n.refuse("it normalises data of per-example shape " + Arrays.toString(im.shape) + "; supported are "
          + "[N, features] and [N, C, H, W]");
    }
    int features = im.shape[0];
    int[] perm = im.shape.length == 1 ? im.flatPerm : null;
    BatchNormalization bn = Layers.batchNorm(features, n.f("momentum", 0.9), n.f("epsilon", 1e-5));
    String[] what = {"scale", "bias", "mean", "variance"};
    for (int k = 0; k < 4; k++) {
      INDArray v = vector(n, constantInput(n, k + 1, what[k]), features, what[k]);
      bn.parameters().get(k).set(Layout.entries(v, perm));
    }
    im.add(bn, n.output(), im.shape, im.flatPerm);
  }
}
