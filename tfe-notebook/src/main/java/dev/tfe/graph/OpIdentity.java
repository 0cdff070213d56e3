package dev.tfe.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a graph node belongs to, as typed data: the stack of frames that were open when the node
 * was added ({@link Graph#layerScope} and {@link Graph#opScope}), outermost first. A frame is a
 * {@link Layer} (a named part of a program, e.g. a model's {@code model1} and its layer
 * {@code dense_1}) or an {@link Op} (one call of a protocol op, e.g. {@code pond}'s
 * {@code matmul}, numbered per enclosing frames). Nested op frames are the sub-protocols an op
 * runs, e.g. SecureNN's {@code relu} runs {@code drelu}, which runs {@code shareConvert}.
 *
 * <p>The profile, the drawing and the cost views group and select by these fields (see
 * {@link OpQuery}); {@link #toString()} is display text only (e.g.
 * {@code model1/dense_1/pond.matmul#3/pond.truncate#2}) and is never parsed back.
 *
 * @param frames the open frames, outermost first
 */
public record OpIdentity(List<Frame> frames) {
  /** The identity of a node built outside every frame. */
  public static final OpIdentity NONE = new OpIdentity(List.of());

  public OpIdentity {
    frames = List.copyOf(frames);
  }

  /** One frame of an identity: a layer or a protocol op. */
  public sealed interface Frame permits Layer, Op {}

  /**
   * A named part of a program (a model, one of its layers, its input or weights).
   *
   * @param name the name, as its builder chose it
   */
  public record Layer(String name) implements Frame {
    public Layer {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * One call of a protocol op.
   *
   * @param kind the protocol and op
   * @param instance the call's number among calls of the same kind in the same enclosing frames
   *     (from 1), or 0 for an op that is not numbered
   */
  public record Op(OpKind kind, int instance) implements Frame {
    public Op {
      Objects.requireNonNull(kind, "kind");
    }

    public String protocol() {
      return kind.protocol();
    }

    public String op() {
      return kind.op();
    }

    @Override
    public String toString() {
      return instance > 0 ? kind + "#" + instance : kind.toString();
    }
  }

  /** An identity with just one op frame of {@code kind} (e.g. for totals per kind). */
  public static OpIdentity of(OpKind kind) {
    return new OpIdentity(List.of(new Op(kind, 0)));
  }

  /** This identity with one more frame inside. */
  public OpIdentity with(Frame f) {
    List<Frame> r = new ArrayList<>(frames);
    r.add(f);
    return new OpIdentity(r);
  }

  /** The op frames, outermost first. */
  public List<Op> ops() {
    return frames.stream().filter(f -> f instanceof Op).map(f -> (Op) f).toList();
  }

  /** The layer frames, outermost first. */
  public List<Layer> layers() {
    return frames.stream().filter(f -> f instanceof Layer).map(f -> (Layer) f).toList();
  }

  /** The innermost layer's name (e.g. {@code dense_1}), or {@code ""} outside every layer. */
  public String layer() {
    List<Layer> l = layers();
    return l.isEmpty() ? "" : l.get(l.size() - 1).name();
  }

  /** The protocol of the outermost op, or {@code ""} outside every op. */
  public String protocol() {
    List<Op> o = ops();
    return o.isEmpty() ? "" : o.get(0).protocol();
  }

  /** The outermost op's name (e.g. {@code relu}), or {@code ""} outside every op. */
  public String op() {
    List<Op> o = ops();
    return o.isEmpty() ? "" : o.get(0).op();
  }

  /** The innermost sub-protocol's name (e.g. {@code privateCompare} within {@code relu}), or {@code ""} if none. */
  public String subProtocol() {
    List<Op> o = ops();
    return o.size() < 2 ? "" : o.get(o.size() - 1).op();
  }

  /** The innermost op's kind, to which a node's own cost belongs; {@link OpKind#NONE} outside every op. */
  public OpKind kind() {
    List<Op> o = ops();
    return o.isEmpty() ? OpKind.NONE : o.get(o.size() - 1).kind();
  }

  /** The first {@code n} frames. */
  public OpIdentity prefix(int n) {
    return n >= frames.size() ? this : new OpIdentity(frames.subList(0, n));
  }

  /** The frames up to and including the outermost op: the op call that a node is part of. */
  public OpIdentity outermostOp() {
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i) instanceof Op) {
        return prefix(i + 1);
      }
    }
    return this;
  }

  /** The layer frames above the outermost op. */
  public OpIdentity enclosingLayers() {
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i) instanceof Op) {
        return prefix(i);
      }
    }
    return this;
  }

  /** Whether this identity lies within {@code outer}: {@code outer}'s frames are its first ones. */
  public boolean isWithin(OpIdentity outer) {
    return outer.frames.size() <= frames.size() && frames.subList(0, outer.frames.size()).equals(outer.frames);
  }

  /** The innermost frame as display text, or {@code "(top)"}. */
  public String lastFrameText() {
    return frames.isEmpty() ? "(top)" : frames.get(frames.size() - 1).toString();
  }

  /** Display text: the frames joined by {@code /}, or {@code "(top)"} for {@link #NONE}. */
  @Override
  public String toString() {
    if (frames.isEmpty()) {
      return "(top)";
    }
    StringBuilder sb = new StringBuilder();
    for (Frame f : frames) {
      sb.append(sb.length() == 0 ? "" : "/").append(f);
    }
    return sb.toString();
  }
}
