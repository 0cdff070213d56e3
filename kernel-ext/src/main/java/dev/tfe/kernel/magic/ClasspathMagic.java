package dev.tfe.kernel.magic;

import java.io.IOException;
import java.util.List;

import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.EvaluationException;

/**
 * {@code %classpath add PATH...} adds jars or class directories to the cells' class path
 * ({@code dir/*} adds the jars in {@code dir}); {@code %classpath} lists what was added.
 */
public final class ClasspathMagic {
    private static final String USAGE = "usage: %classpath [add PATH...]";

    private ClasspathMagic() {
    }

    /**
     * Registers {@code %classpath}.
     *
     * @param magics    the kernel's magics
     * @param evaluator the evaluator whose class path it changes
     */
    public static void register(KernelMagics magics, CellEvaluator evaluator) {
        magics.registerLine("classpath", "adds jars or directories to the class path: %classpath add PATH...",
                args -> run(evaluator, args));
    }

    private static Object run(CellEvaluator evaluator, List<String> args) throws Exception {
        if (args.isEmpty()) {
            List<String> added = evaluator.addedClasspath();
            System.out.println(added.isEmpty() ? "no class path entries added" : String.join("\n", added));
            return null;
        }
        if (!args.get(0).equals("add") || args.size() < 2) {
            throw new EvaluationException(USAGE, null);
        }
        int count = 0;
        for (String path : args.subList(1, args.size())) {
            try {
                count += evaluator.addToClasspath(path).size();
            } catch (IOException e) {
                throw new EvaluationException("%classpath: " + e.getMessage(), null);
            }
        }
        System.out.println("added " + count + (count == 1 ? " class path entry" : " class path entries"));
        return null;
    }
}
