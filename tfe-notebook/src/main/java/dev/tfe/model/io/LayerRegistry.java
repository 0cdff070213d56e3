package dev.tfe.model.io;

import dev.tfe.model.layers.AveragePooling2D;
import dev.tfe.model.layers.BatchNormalization;
import dev.tfe.model.layers.Conv2D;
import dev.tfe.model.layers.Dense;
import dev.tfe.model.layers.Flatten;
import dev.tfe.model.layers.GlobalAveragePooling2D;
import dev.tfe.model.layers.Layer;
import dev.tfe.model.layers.LayerConfig;
import dev.tfe.model.layers.MaxPooling2D;
import dev.tfe.model.layers.ReLU;
import dev.tfe.model.layers.Reshape;
import dev.tfe.model.layers.Sigmoid;
import dev.tfe.model.layers.Tanh;
import dev.tfe.model.layers.Softmax;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rebuilds layers from their {@link Layer#type()} and {@link Layer#config()}. Every layer of
 * {@code dev.tfe.model.layers} is registered; a custom layer can be added with {@link #register}
 * (explicitly, never by classpath scanning).
 */
public final class LayerRegistry {
  private static final Map<String, Function<LayerConfig, Layer>> FACTORIES = new ConcurrentHashMap<>();

  static {
    register("dense", Dense::fromConfig);
    register("relu", c -> new ReLU());
    register("sigmoid", c -> new Sigmoid());
    register("tanh", c -> new Tanh());
    register("softmax", c -> new Softmax());
    register("conv2d", Conv2D::fromConfig);
    register("max_pool2d", MaxPooling2D::fromConfig);
    register("avg_pool2d", AveragePooling2D::fromConfig);
    register("global_avg_pool2d", c -> new GlobalAveragePooling2D());
    register("flatten", c -> new Flatten());
    register("reshape", Reshape::fromConfig);
    register("batch_norm", BatchNormalization::fromConfig);
  }

  private LayerRegistry() {}

  /** Registers (or replaces) the factory of a layer type. */
  public static void register(String type, Function<LayerConfig, Layer> factory) {
    FACTORIES.put(type, factory);
  }

  /** A new layer of this type and configuration, weights not drawn. */
  public static Layer create(String type, LayerConfig config) {
    Function<LayerConfig, Layer> f = FACTORIES.get(type);
    if (f == null) {
      throw new IllegalArgumentException("unknown layer type '" + type + "'; known types: " + new TreeSet<>(FACTORIES.keySet())
          + " (register custom layers with LayerRegistry.register)");
    }
    return f.apply(config);
  }
}
