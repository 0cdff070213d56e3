package dev.tfe.launcher.net;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.zeromq.ZContext;

/**
 * Watches the I/O thread of a JeroMQ context through its two exception hooks, and declares it
 * dead (once: a {@code FATAL: the ZeroMQ I/O thread of ... died} line, then the death action) when
 * <ul>
 *   <li>the thread ends with an uncaught throwable (an {@code OutOfMemoryError}, say), or
 *   <li>an exception escapes one of JeroMQ's frame decoders: JeroMQ 0.6.0 catches it and goes on,
 *       but that decoder is left with nothing to read into and spins forever on the connection's
 *       next byte (measured), so the thread never serves another connection.
 * </ul>
 * Other exceptions JeroMQ reports affect only the offending connection (for instance its PLAIN
 * server throws {@code NegativeArraySizeException} on a user name of 128 bytes or more, and the
 * thread carries on: found by the fuzz test); they are logged at the 1st, 2nd, 4th... time.
 */
final class IoWatch {
  private final String node;
  private final Consumer<String> log;
  private final BooleanSupplier closing;
  private final Consumer<String> onDeath;
  private final AtomicBoolean dead = new AtomicBoolean();
  private final AtomicLong recovered = new AtomicLong();

  /**
   * @param closing true once the node is closing (exceptions then are expected, not deaths)
   * @param onDeath called once with the reason
   */
  IoWatch(String node, Consumer<String> log, BooleanSupplier closing, Consumer<String> onDeath) {
    this.node = node;
    this.log = log;
    this.closing = closing;
    this.onDeath = onDeath;
  }

  /** Installs the hooks; before the context's first socket. */
  void install(ZContext ctx) {
    ctx.setUncaughtExceptionHandler((t, e) -> died("thread " + t.getName() + " ended with " + where(e)));
    ctx.setNotificationExceptionHandler((t, e) -> {
      if (inDecoder(e)) {
        died("thread " + t.getName() + " failed in a frame decoder with " + where(e));
      } else if (Long.bitCount(recovered.incrementAndGet()) == 1) {
        log.accept("the ZeroMQ I/O thread of " + node + " recovered from " + where(e) + " (" + recovered.get()
            + " such so far; logged at powers of two)");
      }
    });
  }

  boolean dead() {
    return dead.get();
  }

  private void died(String what) {
    if (closing.getAsBoolean() || !dead.compareAndSet(false, true)) {
      return;
    }
    String reason = "the ZeroMQ I/O thread of " + node + " died (" + what + "); this process can no longer send or receive";
    log.accept("FATAL: " + reason);
    onDeath.accept(reason);
  }

  /** Whether {@code e} was thrown inside one of JeroMQ's frame decoders. */
  static boolean inDecoder(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getClassName().startsWith("zmq.io.coder.")) {
        return true;
      }
    }
    return false;
  }

  /** The exception and the first frames of its stack, for the log. */
  static String where(Throwable e) {
    StringBuilder b = new StringBuilder(e.toString());
    StackTraceElement[] st = e.getStackTrace();
    for (int i = 0; i < Math.min(4, st.length); i++) {
      b.append(i == 0 ? " at " : " < ").append(st[i]);
    }
    return b.toString();
  }
}
