/**
 * Import of ONNX models, as exported by PyTorch's {@code torch.onnx.export} (and by Keras or
 * TensorFlow through tf2onnx), into this library's plaintext {@link dev.tfe.model.Sequential}
 * model: {@link dev.tfe.model.onnx.Onnx#load(java.nio.file.Path)}.
 *
 * <p>The model is read with protobuf-java and classes generated at build time from ONNX's
 * published schema ({@code src/main/proto/onnx.proto}, package {@code dev.tfe.model.onnx.proto}).
 * The importer walks the graph as one chain of layers, folds the constant subgraphs exporters emit
 * (shape arithmetic, padding amounts), converts PyTorch's NCHW layout to this library's NHWC, and
 * refuses anything it cannot reproduce exactly with an {@link dev.tfe.model.onnx.OnnxImportException}
 * naming the node, its op type and what to do.
 */
package dev.tfe.model.onnx;
