package dev.tfe.model.onnx;

import dev.tfe.model.onnx.proto.OnnxProto.AttributeProto;
import dev.tfe.model.onnx.proto.OnnxProto.NodeProto;
import dev.tfe.model.onnx.proto.OnnxProto.TensorProto;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One ONNX node with typed access to its attributes, and the refusals that name it. */
final class Node {
  final NodeProto proto;
  final String name;
  final String op;

  Node(NodeProto proto, int index) {
    this.proto = proto;
    this.name = proto.getName().isEmpty() ? "#" + index : proto.getName();
    this.op = proto.getOpType();
  }

  /** The k-th input name, or "" if absent (ONNX marks a skipped optional input with ""). */
  String input(int k) {
    return k < proto.getInputCount() ? proto.getInput(k) : "";
  }

  List<String> inputs() {
    return proto.getInputList();
  }

  String output() {
    return proto.getOutput(0);
  }

  private AttributeProto attribute(String key) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(key)) {
        return a;
      }
    }
    return null;
  }

  boolean has(String key) {
    return attribute(key) != null;
  }

  long i(String key, long otherwise) {
    AttributeProto a = attribute(key);
    return a == null ? otherwise : a.getI();
  }

  double f(String key, double otherwise) {
    AttributeProto a = attribute(key);
    return a == null ? otherwise : a.getF();
  }

  String s(String key, String otherwise) {
    AttributeProto a = attribute(key);
    return a == null ? otherwise : a.getS().toString(StandardCharsets.UTF_8);
  }

  /** An integer-list attribute, or null if absent. */
  long[] ints(String key) {
    AttributeProto a = attribute(key);
    return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  TensorProto tensor(String key) {
    AttributeProto a = attribute(key);
    return a == null || !a.hasT() ? null : a.getT();
  }

  /** The names of the attributes present, for "not supported" messages. */
  List<String> attributeNames() {
    return proto.getAttributeList().stream().map(AttributeProto::getName).toList();
  }

  OnnxImportException refuse(String message) {
    return new OnnxImportException(name, op, message);
  }
}
