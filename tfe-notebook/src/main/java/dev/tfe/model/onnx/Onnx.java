package dev.tfe.model.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfe.model.Sequential;
import dev.tfe.model.onnx.proto.OnnxProto.ModelProto;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Imports ONNX models, such as those PyTorch exports with {@code torch.onnx.export}, as a plaintext
 * {@link Sequential} model, ready for {@code evaluate}, further {@code fit}, {@code save} and
 * {@code tfe.privateModel(model, owner)}:
 *
 * <pre>{@code
 * var model = Onnx.load(Path.of("net.onnx"));
 * model.evaluate(mnist.test());
 * var secure = tfe.privateModel(model, owner);
 * }</pre>
 *
 * <p><b>Supported</b>: models that are one chain of layers (like {@code nn.Sequential}) with one
 * input, {@code [N, features]} or images {@code [N, C, H, W]}, whose sizes are fixed except perhaps
 * the batch axis. Ops: Gemm, MatMul, Add (a bias after Gemm, MatMul or Conv), Conv (2-D, group 1,
 * no dilation), MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool, Relu, Sigmoid, Tanh, Flatten,
 * Reshape (constant target), BatchNormalization (inference), Softmax (last axis), Identity,
 * Dropout (dropped: inference), Pad with zeros before a Conv, and the constant arithmetic
 * exporters emit (Constant, Shape, Gather, Unsqueeze, Concat, Slice, Transpose, Cast, ...). Conv
 * and pooling pads must be none or TensorFlow's {@code SAME} pads on that input size.
 *
 * <p><b>Layout</b>: PyTorch's images are NCHW, this library's NHWC. The imported model takes images
 * as the rest of the API does, {@code [N, H, W, C]} (for MNIST: {@code dataset.reshaped(28, 28, 1)}):
 * kernels are converted, and the first Dense layer after a convolution stack takes its weight rows
 * in NHWC flatten order, so the outputs equal PyTorch's.
 *
 * <p><b>Refusals</b>: anything else throws an {@link OnnxImportException} naming the node, its op
 * type and what to do, before any layer is built.
 */
public final class Onnx {
  private Onnx() {}

  /**
   * Reads the ONNX model in {@code file} ({@code .onnx}, or gzip'd).
   *
   * @throws IOException if the file cannot be read or is not an ONNX model
   * @throws OnnxImportException if the model uses an op, attribute or shape that has no equivalent here
   */
  public static Sequential load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no ONNX model file there (export one with "
          + "torch.onnx.export(model, example_input, \"" + file.getFileName() + "\"))");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    }
  }

  /**
   * Reads an ONNX model (plain or gzip'd) from {@code in}, which is not closed.
   *
   * @throws IOException if the stream cannot be read or does not hold an ONNX model
   * @throws OnnxImportException if the model uses an op, attribute or shape that has no equivalent here
   */
  public static Sequential load(InputStream in) throws IOException {
    return load(in, "the stream");
  }

  private static Sequential load(InputStream raw, String source) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    ModelProto model;
    try {
      model = ModelProto.parseFrom(gzip ? new GZIPInputStream(in) : in);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(source + " is not an ONNX model (it does not parse as an ONNX ModelProto: "
          + e.getMessage() + ")", e);
    }
    if (!model.hasGraph()) {
      throw new IOException(source + " is not an ONNX model (it has no graph)");
    }
    return fromModel(model);
  }

  /** Converts a parsed model (used by the tests to build invalid models). */
  static Sequential fromModel(ModelProto model) {
    return new Importer(model).run();
  }
}
