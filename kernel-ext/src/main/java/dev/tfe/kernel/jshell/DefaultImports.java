package dev.tfe.kernel.jshell;

import java.util.List;
import java.util.stream.Stream;

/**
 * The imports every notebook starts with. Each entry is what follows {@code import} (without
 * the semicolon), so static imports start with {@code static}.
 *
 * <p>An entry whose package does not exist (yet) is skipped at startup, so the list may name the
 * library's packages before they are written. Extend {@link #TFE} when a user-facing package
 * appears; keep it short, since two on-demand imports that share a simple name make that name
 * ambiguous in cells.
 */
public final class DefaultImports {

    /** The JDK packages a notebook reaches for first. */
    public static final List<String> JAVA = List.of(
            "java.util.*",
            "java.util.function.*",
            "java.util.stream.*",
            "java.io.*",
            "java.nio.file.*",
            "java.math.*");

    /**
     * The library's packages: the user-facing API first (so that the README's code runs as
     * pasted: {@code Tfe}, {@code Mnist}, {@code Sequential}, {@code dense(...)}, {@code Pond}),
     * then the mechanics users touch, and ND4J's array types. Not {@code dev.tfe.runtime.*}
     * ({@code Runtime} would shadow {@code java.lang.Runtime}) nor {@code dev.tfe.model.layers.*}
     * (its {@code ConvGeometry} would clash with the ring's).
     */
    public static final List<String> TFE = List.of(
            "dev.tfe.api.*",
            "dev.tfe.program.*",
            "dev.tfe.data.*",
            "dev.tfe.model.*",
            "static dev.tfe.model.Layers.*",
            "dev.tfe.model.secure.*",
            "dev.tfe.model.onnx.Onnx",
            "dev.tfe.profile.*",
            "dev.tfe.progress.*",
            "dev.tfe.protocol.*",
            "dev.tfe.protocol.pond.Pond",
            "dev.tfe.protocol.securenn.SecureNn",
            "dev.tfe.fixedpoint.*",
            "dev.tfe.render.*",
            "dev.tfe.ring.*",
            "dev.tfe.random.*",
            "org.nd4j.linalg.api.ndarray.INDArray",
            "org.nd4j.linalg.factory.Nd4j");

    /** The kernel's own cell functions, such as {@code display(Object)}. */
    public static final List<String> KERNEL = List.of(
            "static dev.tfe.kernel.display.Display.*");

    /** Everything above, in order. */
    public static final List<String> ALL = Stream.of(JAVA, TFE, KERNEL).flatMap(List::stream).toList();

    private DefaultImports() {
    }
}
