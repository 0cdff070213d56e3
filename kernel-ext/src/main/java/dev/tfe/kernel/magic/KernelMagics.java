package dev.tfe.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.EvaluationException;
import io.github.spencerpark.jupyter.kernel.magic.registry.CellMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagicFunction;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

/**
 * The kernel's magics: basekernel's {@link Magics} registry, with a one-line help per magic so
 * that {@code %lsmagic} can list them.
 *
 * <p>Families of magics are registered explicitly through {@link #BUILT_IN}: {@code %classpath}
 * ({@link ClasspathMagic}) and the session magics {@code %parties} and {@code %launch}
 * ({@link SessionMagics}).
 */
public final class KernelMagics {

    /** The magic families every kernel has, registered in order. */
    public static final List<MagicRegistrar> BUILT_IN = List.of(
            ClasspathMagic::register,
            SessionMagics::register);

    private final Magics magics = new Magics();
    private final Map<String, String> lineHelp = new TreeMap<>();
    private final Map<String, String> cellHelp = new TreeMap<>();

    /**
     * Creates the registry with {@code %lsmagic} and the {@link #BUILT_IN} magics.
     *
     * @param evaluator the kernel's evaluator
     */
    public KernelMagics(CellEvaluator evaluator) {
        registerLine("lsmagic", "lists the magics", args -> {
            System.out.print(listing());
            return null;
        });
        BUILT_IN.forEach(r -> r.registerInto(this, evaluator));
    }

    /**
     * Registers a line magic, replacing one of the same name.
     *
     * @param name     the name, without {@code %}
     * @param help     one line on what it does
     * @param function the magic; its result, if not null, is shown when the magic ends the cell
     */
    public void registerLine(String name, String help, LineMagicFunction<?> function) {
        magics.registerLineMagic(name, function);
        lineHelp.put(name, help);
    }

    /**
     * Registers a cell magic, replacing one of the same name.
     *
     * @param name     the name, without {@code %%}
     * @param help     one line on what it does
     * @param function the magic; it gets the arguments of the first line and the cell's body
     */
    public void registerCell(String name, String help, CellMagicFunction<?> function) {
        magics.registerCellMagic(name, function);
        cellHelp.put(name, help);
    }

    /**
     * Runs a line magic.
     *
     * @param name the magic's name
     * @param args its arguments
     * @return its result (may be null)
     * @throws Exception if the magic is unknown (an {@link EvaluationException}) or fails
     */
    public Object applyLine(String name, List<String> args) throws Exception {
        if (!lineHelp.containsKey(name)) {
            throw new EvaluationException("unknown line magic %" + name + "; %lsmagic lists the magics", null);
        }
        return magics.applyLineMagic(name, args);
    }

    /**
     * Runs a cell magic.
     *
     * @param name the magic's name
     * @param args the arguments on its line
     * @param body the rest of the cell
     * @return its result (may be null)
     * @throws Exception if the magic is unknown (an {@link EvaluationException}) or fails
     */
    public Object applyCell(String name, List<String> args, String body) throws Exception {
        if (!cellHelp.containsKey(name)) {
            throw new EvaluationException("unknown cell magic %%" + name + "; %lsmagic lists the magics", null);
        }
        return magics.applyCellMagic(name, args, body);
    }

    /**
     * The magics and their help, one per line.
     *
     * @return the listing
     */
    public String listing() {
        StringBuilder sb = new StringBuilder("Line magics:\n");
        lineHelp.forEach((name, help) -> sb.append(String.format("  %%%-12s %s%n", name, help)));
        if (!cellHelp.isEmpty()) {
            sb.append("Cell magics:\n");
            cellHelp.forEach((name, help) -> sb.append(String.format("  %%%%%-11s %s%n", name, help)));
        }
        return sb.toString();
    }
}
