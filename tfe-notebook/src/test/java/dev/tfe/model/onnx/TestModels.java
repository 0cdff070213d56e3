package dev.tfe.model.onnx;

import com.google.protobuf.ByteString;
import dev.tfe.model.onnx.proto.OnnxProto.AttributeProto;
import dev.tfe.model.onnx.proto.OnnxProto.GraphProto;
import dev.tfe.model.onnx.proto.OnnxProto.ModelProto;
import dev.tfe.model.onnx.proto.OnnxProto.NodeProto;
import dev.tfe.model.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorShapeProto;
import dev.tfe.model.onnx.proto.OnnxProto.TypeProto;
import dev.tfe.model.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Small ONNX models built with the generated builders, for tests of the importer. */
final class TestModels {
  private TestModels() {}

  /** A float tensor value info; an Integer dimension is fixed, a String one dynamic. */
  static ValueInfoProto value(String name, Object... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      shape.addDim(d instanceof Integer i ? TensorShapeProto.Dimension.newBuilder().setDimValue(i)
          : TensorShapeProto.Dimension.newBuilder().setDimParam((String) d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
  }

  /** A float initializer of this shape with values 0.01, 0.02, ... (or the given ones). */
  static TensorProto floats(String name, long[] dims, float... values) {
    int n = (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
    Arrays.stream(dims).forEach(t::addDims);
    for (int i = 0; i < n; i++) {
      t.addFloatData(values.length > 0 ? values[i] : 0.01f * (i % 50 + 1));
    }
    return t.build();
  }

  static TensorProto longs(String name, long... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(values.length);
    Arrays.stream(values).forEach(t::addInt64Data);
    return t.build();
  }

  static NodeProto node(String op, String name, List<String> inputs, String output, AttributeProto... attributes) {
    return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output)
        .addAllAttribute(Arrays.asList(attributes)).build();
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    Arrays.stream(values).forEach(a::addInts);
    return a.build();
  }

  static AttributeProto i(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  static AttributeProto s(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
  }

  /** A model of opset 13 with one input, these initializers and nodes, and one output. */
  static ModelProto model(ValueInfoProto input, List<TensorProto> initializers, List<NodeProto> nodes, String output) {
    GraphProto g = GraphProto.newBuilder().setName("test").addInput(input).addAllInitializer(initializers)
        .addAllNode(nodes).addOutput(ValueInfoProto.newBuilder().setName(output)).build();
    return ModelProto.newBuilder().setIrVersion(7).setProducerName("tfe-java test").setGraph(g)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
  }
}
