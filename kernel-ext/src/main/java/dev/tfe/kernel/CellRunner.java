package dev.tfe.kernel;

import java.io.PrintStream;
import java.util.Optional;

import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.magic.KernelMagics;
import dev.tfe.kernel.magic.MagicLines;

/**
 * Runs a whole cell: a cell magic if the cell starts with one, or else its code and line magics
 * in order. Needs no Jupyter connection, so the kernel's behaviour is testable without one.
 */
public final class CellRunner implements AutoCloseable {
    private final CellEvaluator evaluator;
    private final KernelMagics magics;

    /**
     * Creates a runner with the {@link KernelMagics#BUILT_IN} magics.
     *
     * @param evaluator the JShell evaluator that runs the code
     */
    public CellRunner(CellEvaluator evaluator) {
        this.evaluator = evaluator;
        this.magics = new KernelMagics(evaluator);
    }

    /**
     * Runs a cell.
     *
     * @param cell     the cell's text
     * @param cellName its name in error messages, such as {@code In [3]}
     * @return the value of the cell's last expression or magic, or empty; empty too when that value
     *     is a {@link PrintStream}, as {@code System.out.printf(...)} returns (its
     *     {@code java.io.PrintStream@1b6d3586} text would only be noise under the printed line)
     * @throws Exception what {@link CellEvaluator#eval(String, String, int)} or a magic throws
     */
    public Optional<Object> run(String cell, String cellName) throws Exception {
        MagicLines.CellMagic cellMagic = MagicLines.cellMagic(cell);
        if (cellMagic != null) {
            return Optional.ofNullable(magics.applyCell(cellMagic.name(), cellMagic.args(), cellMagic.body()));
        }
        Optional<Object> last = Optional.empty();
        for (MagicLines.Segment segment : MagicLines.segments(cell)) {
            last = segment.kind() == MagicLines.Kind.CODE
                    ? evaluator.eval(segment.text(), cellName, segment.firstLine())
                    : Optional.ofNullable(magics.applyLine(segment.name(), segment.args()));
        }
        return last.filter(v -> !(v instanceof PrintStream));
    }

    /**
     * The JShell evaluator.
     *
     * @return the evaluator
     */
    public CellEvaluator evaluator() {
        return evaluator;
    }

    /**
     * The magics registry, to register more magics.
     *
     * @return the magics
     */
    public KernelMagics magics() {
        return magics;
    }

    /** Closes the evaluator. */
    @Override
    public void close() {
        evaluator.close();
    }
}
