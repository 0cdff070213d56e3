package dev.tfe.kernel.jshell;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Runs JShell snippets inside the kernel's own JVM, so that a cell's values are real objects the
 * kernel can render, and so that library state (parties, sessions) lives as long as the kernel.
 *
 * <p>Compared with JShell's {@link LocalExecutionControl}, whose class loading it keeps, it differs
 * in three ways:
 * <ul>
 *   <li>each snippet runs on a fresh thread, and the kernel waits for <em>that</em> thread only:
 *       background threads the snippet starts (party runtimes, pools) do not block the cell;</li>
 *   <li>the value of a snippet is kept as an object, and the "value string" JShell sees is a key
 *       to fetch it with {@link #takeValue(String)};</li>
 *   <li>the exception a snippet throws is kept as the original {@link Throwable}
 *       ({@link #takeThrown()}), with its class, cause chain and stack trace intact.</li>
 * </ul>
 *
 * <p>{@link #stop()} interrupts the snippet's thread and, if it does not finish within a grace
 * period, stops it. How depends on the JDK: on current JDKs (those whose {@code Thread.stop}
 * throws; Temurin 25 is tested), {@code LocalExecutionControl} loads cell classes with a stop check at every method start and backward branch (JShell's own
 * mechanism, class {@code REPL.$Cancel$}); this control raises that check's flag, so cell code
 * stops at its next loop iteration or call. Java 17 has no such check, and stops the thread with
 * {@link Thread#stop()}, which it still supports (from Java 20 on that throws). Library code that
 * a cell calls stops at its next interrupt check, or when it returns to cell code.
 */
public final class KernelExecutionControl extends LocalExecutionControl {
    private static final Logger LOG = Logger.getLogger(KernelExecutionControl.class.getName());
    private static final long STOP_GRACE_MILLIS = 1_000;
    private static final String KEY_PREFIX = "tfe-value-";
    /** JShell's class holding the stop flag that instrumented cell code checks (current JDKs, not 17). */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Object> values = new HashMap<>();
    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile Throwable thrown;
    /** The stop flag of instrumented cell code, once known; null before the first snippet or on Java 17. */
    private volatile Field stopFlag;
    private volatile boolean stopFlagProbed;

    /** Creates a control that loads snippet classes with JShell's default in-memory loader. */
    public KernelExecutionControl() {
        super();
    }

    /**
     * A provider for {@code JShell.builder().executionEngine(provider, Map.of())} that hands out
     * this one control, so that its owner can read values and stop snippets.
     *
     * @return the provider
     */
    public ExecutionControlProvider provider() {
        KernelExecutionControl self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "tfe-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stopRequested) {
            throw new ExecutionControl.StoppedException();
        }
        probeStopFlag();
        setStopFlag(false);
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "tfe-cell-" + counter.incrementAndGet());
        worker.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        worker.setDaemon(true);
        running = worker;
        try {
            worker.start();
            worker.join();
        } finally {
            running = null;
            System.out.flush();
            System.err.flush();
        }
        if (stopRequested) {
            throw new ExecutionControl.StoppedException();
        }
        Throwable t = failure.get();
        if (t != null) {
            if (t instanceof InvocationTargetException && !(t.getCause() instanceof SPIResolutionException)) {
                thrown = t.getCause();
            }
            if (t instanceof Exception) {
                throw (Exception) t;
            }
            thrown = t; // e.g. ExceptionInInitializerError, thrown by Method.invoke itself
            throw new InvocationTargetException(t);
        }
        String key = KEY_PREFIX + counter.incrementAndGet();
        synchronized (values) {
            values.put(key, result.get());
        }
        return key;
    }

    /**
     * Finds JShell's stop flag for instrumented cell code: {@code LocalExecutionControl} loads its
     * class on the first run of a snippet, so run an empty one through it once.
     */
    private void probeStopFlag() throws Exception {
        if (stopFlagProbed) {
            return;
        }
        stopFlagProbed = true;
        super.invoke(Probe.class.getMethod("nothing"));
        try {
            stopFlag = findClass(CANCEL_CLASS).getField("allStop");
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            stopFlag = null; // Java 17: cell code is not instrumented
        }
    }

    private void setStopFlag(boolean value) {
        Field flag = stopFlag;
        if (flag != null) {
            try {
                flag.setBoolean(null, value);
            } catch (IllegalAccessException e) {
                LOG.log(Level.WARNING, "cannot set JShell's stop flag", e);
            }
        }
    }

    /** The empty snippet of {@link #probeStopFlag()}. */
    public static final class Probe {
        private Probe() {
        }

        /** Does nothing. */
        public static void nothing() {
        }
    }

    /**
     * Removes and returns the value that a snippet evaluated to.
     *
     * @param key the value string that JShell reported for the snippet (may be null)
     * @return the value, or null if the key is unknown or the value was null
     */
    public Object takeValue(String key) {
        if (key == null) {
            return null;
        }
        synchronized (values) {
            return values.remove(key);
        }
    }

    /**
     * Removes and returns the exception the last snippet threw, as thrown.
     *
     * @return the exception, or null if the last snippet completed normally
     */
    public Throwable takeThrown() {
        Throwable t = thrown;
        thrown = null;
        return t;
    }

    /** Forgets values and exceptions no one asked for, and clears a previous stop request. */
    public void reset() {
        synchronized (values) {
            values.clear();
        }
        thrown = null;
        stopRequested = false;
    }

    /**
     * Tells whether {@link #stop()} interrupted the snippet that ran last.
     *
     * @return true if the last evaluation was stopped
     */
    public boolean wasStopped() {
        return stopRequested;
    }

    /**
     * Interrupts the running snippet, then stops its thread if it ignores the interrupt. Snippets
     * not yet started are not run until {@link #reset()}.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Thread worker = running;
        if (worker == null) {
            return;
        }
        worker.interrupt();
        Thread stopper = new Thread(() -> forceStop(worker, stopFlag != null), "tfe-cell-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void forceStop(Thread worker, boolean instrumented) {
        try {
            worker.join(STOP_GRACE_MILLIS);
            if (worker.isAlive()) {
                if (instrumented) {
                    setStopFlag(true); // cell code throws at its next check; reset before the next snippet
                } else {
                    worker.stop();
                }
                worker.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (UnsupportedOperationException e) {
            System.err.println("tfe kernel: this JVM cannot stop a running cell that ignores interrupts;"
                    + " restart the kernel to end it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.log(Level.WARNING, "cell thread {0} is still running after stop", worker.getName());
        }
    }
}
