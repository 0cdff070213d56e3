package dev.tfe.model.onnx;

import static dev.tfe.model.onnx.TestModels.floats;
import static dev.tfe.model.onnx.TestModels.i;
import static dev.tfe.model.onnx.TestModels.ints;
import static dev.tfe.model.onnx.TestModels.longs;
import static dev.tfe.model.onnx.TestModels.model;
import static dev.tfe.model.onnx.TestModels.node;
import static dev.tfe.model.onnx.TestModels.s;
import static dev.tfe.model.onnx.TestModels.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfe.model.onnx.proto.OnnxProto.ModelProto;
import dev.tfe.model.onnx.proto.OnnxProto.NodeProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal names the node and op type (or the model, for model-level problems) and says what
 * to do. Each case is a small model that is valid ONNX but has no exact equivalent here.
 */
class OnnxRefusalTest {
  private static ModelProto image(List<TensorProto> inits, NodeProto... nodes) {
    return model(value("x", "N", 1, 4, 4), inits, List.of(nodes), nodes[nodes.length - 1].getOutput(0));
  }

  private static ModelProto vector(List<TensorProto> inits, NodeProto... nodes) {
    return model(value("x", "N", 4), inits, List.of(nodes), nodes[nodes.length - 1].getOutput(0));
  }

  private static final List<TensorProto> CONV_W = List.of(floats("w", new long[] {2, 1, 3, 3}));
  private static final List<TensorProto> GEMM_W = List.of(floats("w", new long[] {4, 3}));

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("unsupported op", vector(List.of(), node("LeakyRelu", "act", List.of("x"), "y")),
        "act", "LeakyRelu", "not supported on the data; replace it in the model before exporting (supported: Gemm"));
    c.add(Arguments.of("grouped conv", image(List.of(floats("w", new long[] {2, 1, 3, 3})),
        node("Conv", "c", List.of("x", "w"), "y", i("group", 2))), "c", "Conv", "group=2"));
    c.add(Arguments.of("dilated conv", image(CONV_W, node("Conv", "c", List.of("x", "w"), "y", ints("dilations", 2, 2))),
        "c", "Conv", "dilations [2, 2]"));
    c.add(Arguments.of("auto_pad SAME_LOWER", image(CONV_W,
        node("Conv", "c", List.of("x", "w"), "y", s("auto_pad", "SAME_LOWER"))), "c", "Conv", "auto_pad=SAME_LOWER"));
    c.add(Arguments.of("pads that are not SAME", image(CONV_W, node("Conv", "c", List.of("x", "w"), "y",
        ints("pads", 1, 1, 1, 1), ints("strides", 2, 2))), "c", "Conv", "nn.ZeroPad2d((left, right, top, bottom)) = ((0, 1, 0, 1))"));
    c.add(Arguments.of("data transposed", image(List.of(), node("Transpose", "tr", List.of("x"), "y",
        ints("perm", 0, 2, 3, 1))), "tr", "Transpose", "remove the permute()"));
    c.add(Arguments.of("residual connection", vector(List.of(), node("Relu", "r", List.of("x"), "h"),
        node("Add", "skip", List.of("h", "x"), "y")), "skip", "Add", "one chain of layers"));
    c.add(Arguments.of("ceil_mode growing the output", image(List.of(), node("MaxPool", "mp", List.of("x"), "y",
        ints("kernel_shape", 3, 3), ints("strides", 2, 2), i("ceil_mode", 1))), "mp", "MaxPool", "ceil_mode=False"));
    c.add(Arguments.of("average counting pads", image(List.of(), node("AveragePool", "ap", List.of("x"), "y",
        ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1), i("count_include_pad", 1))), "ap", "AveragePool",
        "count_include_pad=False"));
    c.add(Arguments.of("softmax over the batch", vector(List.of(), node("Softmax", "sm", List.of("x"), "y",
        i("axis", 0))), "sm", "Softmax", "axis 0"));
    c.add(Arguments.of("flatten of the batch", image(List.of(), node("Flatten", "fl", List.of("x"), "y",
        i("axis", 0))), "fl", "Flatten", "only axis=1"));
    c.add(Arguments.of("reshape of the batch", vector(List.of(longs("shape", 2, -1)),
        node("Reshape", "rs", List.of("x", "shape"), "y")), "rs", "Reshape", "batch stays first"));
    c.add(Arguments.of("reshape NCHW order", model(value("x", "N", 8), List.of(longs("shape", -1, 2, 2, 2)),
        List.of(node("Reshape", "rs", List.of("x", "shape"), "y")), "y"), "rs", "Reshape", "NHWC cannot follow"));
    c.add(Arguments.of("training-mode batch norm", vector(bn(), node("BatchNormalization", "bn",
        List.of("x", "g", "b", "m", "v"), "y", i("training_mode", 1))), "bn", "BatchNormalization", "model.eval()"));
    c.add(Arguments.of("custom domain", vector(List.of(), node("Relu", "r", List.of("x"), "y").toBuilder()
        .setDomain("com.microsoft").build()), "r", "Relu", "custom domain 'com.microsoft'"));
    c.add(Arguments.of("reflection padding", image(List.of(longs("p", 0, 0, 1, 1, 0, 0, 1, 1)),
        node("Pad", "pad", List.of("x", "p"), "y", s("mode", "reflect"))), "pad", "Pad", "mode 'reflect'"));
    c.add(Arguments.of("pad before a pooling", image(List.of(longs("p", 0, 0, 1, 1, 0, 0, 1, 1)),
        node("Pad", "pad", List.of("x", "p"), "h"), node("Relu", "r", List.of("h"), "y")), "r", "Relu",
        "only a Conv may follow"));
    c.add(Arguments.of("constant added to activations", vector(List.of(floats("c", new long[] {4})),
        node("Relu", "r", List.of("x"), "h"), node("Add", "plus", List.of("h", "c"), "y")), "plus", "Add",
        "no layer that adds a constant"));
    c.add(Arguments.of("transposed data in Gemm", vector(GEMM_W, node("Gemm", "fc", List.of("x", "w"), "y",
        i("transA", 1))), "fc", "Gemm", "transA=1"));
    c.add(Arguments.of("data times data", vector(List.of(), node("MatMul", "mm", List.of("x", "x"), "y")), "mm",
        "MatMul", "must be a constant"));
    c.add(Arguments.of("external weights", vector(List.of(GEMM_W.get(0).toBuilder().setDataLocation(
        TensorProto.DataLocation.EXTERNAL).build()), node("Gemm", "fc", List.of("x", "w"), "y")), null, null,
        "save_as_external_data=False"));
    c.add(Arguments.of("float16 weights", vector(List.of(TensorProto.newBuilder().setName("w").addDims(4).addDims(3)
        .setDataType(TensorProto.DataType.FLOAT16_VALUE).build()), node("Gemm", "fc", List.of("x", "w"), "y")),
        null, null, "export the model in float32"));
    c.add(Arguments.of("dynamic height", model(value("x", "N", 1, "height", 4), CONV_W,
        List.of(node("Conv", "c", List.of("x", "w"), "y")), "y"), null, null, "dynamic_axes={'x': {0: 'batch'}}"));
    c.add(Arguments.of("two data inputs", model(value("x", "N", 4), List.of(), List.of(node("Relu", "r",
        List.of("x"), "y")), "y").toBuilder().setGraph(model(value("x", "N", 4), List.of(), List.of(node("Relu", "r",
        List.of("x"), "y")), "y").getGraph().toBuilder().addInput(value("z", "N", 4))).build(), null, null,
        "2 data inputs"));
    c.add(Arguments.of("flattened NCHW output", image(CONV_W, node("Conv", "c", List.of("x", "w"), "h"),
        node("Flatten", "fl", List.of("h"), "y")), null, null, "flattened NCHW feature map"));
    return c.stream();
  }

  private static List<TensorProto> bn() {
    long[] d = {4};
    return List.of(floats("g", d), floats("b", d), floats("m", d), floats("v", d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWithTheNodeTheOpAndWhatToDo(String what, ModelProto model, String node, String op, String fragment) {
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> Onnx.fromModel(model), what);
    System.out.println(what + " -> " + e.getMessage());
    assertEquals(node, e.nodeName(), e.getMessage());
    assertEquals(op, e.opType(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), "message lacks '" + fragment + "': " + e.getMessage());
    if (node != null) {
      assertTrue(e.getMessage().startsWith("ONNX node '" + node + "' (" + op + "): "), e.getMessage());
    }
  }
}
