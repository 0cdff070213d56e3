package dev.tfe.model.secure;

import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.GlobalAveragePooling2D;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.Padding;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Softmax;
import dev.tfe.model.layers.Tanh;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one registry of private forms: each layer class with a private version maps to its
 * {@link PrivateForm}, one entry per layer. A layer class without an entry has no private version.
 */
final class PrivateForms {
  private static final String POLYNOMIAL_NOTE = " (its only sigmoid is a polynomial, wrong by far outside [-4, 4], "
      + "where trained models' pre-activations often lie)";
  private static final Map<Class<? extends Layer>, PrivateForm<?>> FORMS = new HashMap<>();

  static {
    register(Dense.class, new DenseForm());
    register(Conv2D.class, new Conv2DForm());
    register(ReLU.class, stateless(true, "", l -> Protocol::relu));
    register(Sigmoid.class, stateless(true, POLYNOMIAL_NOTE, l -> Protocol::sigmoid));
    register(Tanh.class, stateless(true, POLYNOMIAL_NOTE, l -> Protocol::tanh));
    register(MaxPooling2D.class, stateless(true, "", m -> (q, x) -> q.maxPool2d(x, m.poolH(), m.poolW(), m.strideH(),
        m.strideW(), padding(m.padding()))));
    register(AveragePooling2D.class, stateless(false, "", a -> (q, x) -> q.avgPool2d(x, a.poolH(), a.poolW(),
        a.strideH(), a.strideW(), padding(a.padding()))));
    register(GlobalAveragePooling2D.class, stateless(false, "", g -> (q, x) -> q.reshape(q.avgPool2d(x, x.dim(1),
        x.dim(2), x.dim(1), x.dim(2), ConvGeometry.Padding.VALID), x.dim(0), x.dim(3))));
    register(Flatten.class, stateless(false, "", l -> (q, x) -> q.reshape(x, x.dim(0), -1)));
    register(Reshape.class, stateless(false, "", r -> (q, x) -> q.reshape(x, prepend(x.dim(0), r.targetShape()))));
    register(BatchNormalization.class, outside(PrivateForm.Role.FOLDED));
    register(Softmax.class, outside(PrivateForm.Role.CLIENT_FINAL));
  }

  private PrivateForms() {}

  /** The private form of {@code layer}'s class, or null if it has none. */
  @SuppressWarnings("unchecked")
  static <L extends Layer> PrivateForm<L> of(L layer) {
    return (PrivateForm<L>) FORMS.get(layer.getClass());
  }

  /** The layers with a private version, by class name, for error messages. */
  static String supported() {
    return FORMS.keySet().stream().map(Class::getSimpleName).sorted().collect(java.util.stream.Collectors.joining(", "))
        + " (BatchNormalization right after Dense or Conv2D, Softmax only last)";
  }

  private static <L extends Layer> void register(Class<L> type, PrivateForm<L> form) {
    FORMS.put(type, form);
  }

  /** A form for a layer without weights: one call of the protocol per run. */
  static <L extends Layer> PrivateForm<L> stateless(boolean compares, String note,
      Function<L, BiFunction<Protocol, Tensor, Tensor>> op) {
    return new PrivateForm<>() {
      @Override
      public boolean compares() {
        return compares;
      }

      @Override
      public String withoutComparisonsNote() {
        return note;
      }

      @Override
      public PrivateLayer build(L layer, Build b) {
        return new PrivateStatelessLayer(b.name(), op.apply(layer));
      }
    };
  }

  /** A form for a layer that is not run by the servers: folded, or applied by the client. */
  private static <L extends Layer> PrivateForm<L> outside(PrivateForm.Role role) {
    return new PrivateForm<>() {
      @Override
      public Role role() {
        return role;
      }

      @Override
      public PrivateLayer build(L layer, Build b) {
        throw new IllegalStateException(layer.type() + " is " + role + ", not a private layer");
      }
    };
  }

  static ConvGeometry.Padding padding(Padding p) {
    return ConvGeometry.Padding.parse(p.name());
  }

  private static int[] prepend(int n, int[] shape) {
    int[] r = new int[shape.length + 1];
    r[0] = n;
    System.arraycopy(shape, 0, r, 1, shape.length);
    return r;
  }
}
