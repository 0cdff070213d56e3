package dev.tfe.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tfe.program.Party;
import dev.tfe.api.Tfe;
import dev.tfe.kernel.jshell.CellEvaluator;
import dev.tfe.kernel.jshell.EvaluationException;
import dev.tfe.launcher.Cluster;
import dev.tfe.launcher.ProcessRuntime;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Runtime;

/**
 * The magics that act on the notebook's session: the {@code Tfe} held by the most recently declared
 * variable of the notebook (such as {@code var tfe = Tfe.local();}), found by asking the kernel's
 * JShell for its variables, so no static field holds sessions:
 *
 * <ul>
 *   <li>{@code %parties} lists the session's parties and where each runs: a thread of the
 *       kernel's JVM, or a party process (pid, host:port);</li>
 *   <li>{@code %launch local} moves the session onto party processes on this machine
 *       ({@code tfe.launchLocal()});</li>
 *   <li>{@code %launch stop} stops them and goes back to in-process threads; private variables are
 *       initialised again before the next run.</li>
 * </ul>
 */
public final class SessionMagics {
    /** What {@code %launch} accepts. */
    public static final String LAUNCH_USAGE = "usage: %launch local   (start party processes on this machine)\n"
            + "       %launch stop    (stop them; back to in-process threads)";
    /** What {@code %parties} accepts. */
    public static final String PARTIES_USAGE = "usage: %parties   (takes no arguments)";
    /** The message when there is no current session. */
    public static final String NO_SESSION = "no tfe session in this notebook: create one with"
            + " `var tfe = Tfe.local();` (the magics act on the last variable of type Tfe)";

    private final Supplier<Optional<Tfe>> current;

    /**
     * Magics over the session {@code current} supplies (tests pass their own).
     *
     * @param current supplies the current session, if any
     */
    public SessionMagics(Supplier<Optional<Tfe>> current) {
        this.current = current;
    }

    /**
     * Registers {@code %parties} and {@code %launch} over the last {@code Tfe} variable of the cells.
     *
     * @param magics    the kernel's magics
     * @param evaluator the kernel's evaluator, whose variables hold the notebook's sessions
     */
    public static void register(KernelMagics magics, CellEvaluator evaluator) {
        SessionMagics m = new SessionMagics(() -> lastSession(evaluator));
        magics.registerLine("parties", "shows the current session's parties and where they run", args -> {
            System.out.print(m.parties(args));
            return null;
        });
        magics.registerLine("launch", "%launch local starts party processes; %launch stop goes back to threads",
                args -> {
                    System.out.print(m.launch(args));
                    return null;
                });
    }

    /**
     * The session of the most recently declared variable of type {@code Tfe}, if any.
     *
     * @param evaluator the kernel's evaluator
     * @return the session, or empty
     */
    static Optional<Tfe> lastSession(CellEvaluator evaluator) {
        if (evaluator == null) {
            return Optional.empty();
        }
        try {
            List<Tfe> sessions = evaluator.variables(Tfe.class);
            return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(sessions.size() - 1));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the notebook's variables: " + e.getMessage(), e);
        }
    }

    /**
     * {@code %parties}: the text it prints.
     *
     * @param args the magic's arguments (must be empty)
     * @return one line per party, after a line naming the runtime
     * @throws EvaluationException on arguments, with the usage
     */
    public String parties(List<String> args) throws EvaluationException {
        if (!args.isEmpty()) {
            throw new EvaluationException(PARTIES_USAGE, null);
        }
        Optional<Tfe> tfe = current.get();
        return tfe.map(SessionMagics::describe).orElse(NO_SESSION + "\n");
    }

    /**
     * {@code %launch}: acts on the current session and returns the text it prints.
     *
     * @param args {@code [local]} or {@code [stop]}
     * @return what happened
     * @throws EvaluationException on bad arguments (with the usage)
     */
    public String launch(List<String> args) throws EvaluationException {
        if (args.size() != 1 || !(args.get(0).equals("local") || args.get(0).equals("stop"))) {
            throw new EvaluationException(LAUNCH_USAGE, null);
        }
        Optional<Tfe> current = this.current.get();
        if (current.isEmpty()) {
            return NO_SESSION + "\n";
        }
        Tfe tfe = current.get();
        if (args.get(0).equals("local")) {
            if (tfe.runtime() instanceof ProcessRuntime) {
                return "already on party processes; %launch stop first to start new ones\n" + describe(tfe);
            }
            tfe.launchLocal();
            return "launched party processes; private variables are set up again before the next run\n"
                    + describe(tfe);
        }
        if (tfe.runtime() instanceof InProcessRuntime) {
            return "already in-process: every party is a thread of this JVM\n";
        }
        tfe.useRuntime(new InProcessRuntime());
        return "stopped the party processes; back to in-process threads (private variables are set up again"
                + " before the next run)\n";
    }

    /**
     * The session's parties and where each runs.
     *
     * @param tfe the session
     * @return a line naming the runtime, then one line per party
     */
    public static String describe(Tfe tfe) {
        Runtime runtime = tfe.runtime();
        long self = ProcessHandle.current().pid();
        StringBuilder sb = new StringBuilder();
        Map<String, ProcessHandle> pids = Map.of();
        Cluster cluster = null;
        if (runtime instanceof ProcessRuntime pr) {
            cluster = pr.cluster();
            pids = cluster.processes();
            sb.append("runtime: party processes").append(cluster.isAlive() ? "" : " (stopped)").append('\n');
        } else {
            sb.append("runtime: ").append(runtime.name()).append(" (kernel JVM pid ").append(self).append(")\n");
        }
        for (Party p : tfe.parties()) {
            String role = tfe.servers().isServer(p.name())
                    ? (p.name().equals(tfe.servers().cryptoProducer()) ? "crypto producer" : "server")
                    : "input/output party";
            sb.append(String.format("  %-20s %-18s ", p.name(), role));
            if (cluster != null && cluster.hostmap().entries().containsKey(p.name())
                    && cluster.hostmap().entry(p.name()).hasAddress()) {
                ProcessHandle h = pids.get(p.name());
                sb.append("process ").append(h == null ? "(remote)" : "pid " + h.pid())
                        .append(" at ").append(cluster.hostmap().entry(p.name()).address());
            } else {
                sb.append("thread of the kernel JVM (pid ").append(self).append(')');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
