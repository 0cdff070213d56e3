package dev.tfe.model.onnx;

/**
 * An ONNX model, or one of its nodes, that the importer cannot turn into an equivalent
 * {@link dev.tfe.model.Sequential}: an unsupported op, attribute or shape. The message names the
 * node and its op type (when the problem lies in a node) and says what to do.
 */
public final class OnnxImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String nodeName;
  private final String opType;

  OnnxImportException(String nodeName, String opType, String message) {
    super("ONNX node '" + nodeName + "' (" + opType + "): " + message);
    this.nodeName = nodeName;
    this.opType = opType;
  }

  OnnxImportException(String message) {
    super("ONNX model: " + message);
    this.nodeName = null;
    this.opType = null;
  }

  /** The name of the offending node ({@code #i} for an unnamed i-th node), or null for a model-level problem. */
  public String nodeName() {
    return nodeName;
  }

  /** The op type of the offending node, or null for a model-level problem. */
  public String opType() {
    return opType;
  }
}
