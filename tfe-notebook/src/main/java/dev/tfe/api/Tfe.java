package dev.tfe.api;

import dev.tfe.fixedpoint.FixedPoint;
import dev.tfe.fixedpoint.FixedPointConfig;
import dev.tfe.graph.Graph;
import dev.tfe.graph.Ops;
import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.Program;
import dev.tfe.program.RunResult;
import dev.tfe.protocol.Parties;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.Tensor;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.plain.PlainModule;
import dev.tfe.protocol.plain.PlainProtocol;
import dev.tfe.protocol.pond.Pond;
import dev.tfe.protocol.pond.PondModule;
import dev.tfe.protocol.share.TruncationMode;
import dev.tfe.protocol.securenn.SecureNn;
import dev.tfe.protocol.securenn.SecureNnModule;
import dev.tfe.runtime.InProcessRuntime;
import dev.tfe.runtime.Runtime;
import dev.tfe.runtime.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The entry point: parties, protocols, inputs and outputs, and runs. {@link #local()} is the
 * embedded default, with every party a thread of this JVM.
 *
 * <pre>{@code
 * var tfe = Tfe.local();
 * Party client = tfe.party("client");
 * Pond pond = tfe.pond();
 * Tensor x = tfe.definePrivateInput(pond, client, values);   // only client sees values
 * Tensor y = pond.matmul(x, w);
 * Output out = tfe.defineOutput(pond, client, y);            // only client learns y
 * RunResult r = tfe.run(out);
 * }</pre>
 */
public final class Tfe implements Program, AutoCloseable {
  private final Graph graph = new Graph();
  private final Ops ops = new Ops(graph);
  private final FixedPoint fp;
  private final Parties servers;
  private final Session session;
  private final Map<String, Party> parties = new LinkedHashMap<>();
  private final ProtocolRegistry protocols;
  private final Definitions definitions;

  private Tfe(FixedPointConfig config, Parties servers, Runtime runtime) {
    this.fp = new FixedPoint(config);
    this.servers = servers;
    this.session = new Session(graph, runtime);
    for (String s : servers.names()) {
      parties.put(s, new Party(s));
    }
    this.protocols = new ProtocolRegistry(session.kernels(), ops, fp, servers, this::party);
    this.definitions = new Definitions(session, fp, this::requireParty);
  }

  /** Every party on this machine, as threads; 16 fractional bits. */
  public static Tfe local() {
    return local(FixedPointConfig.defaults());
  }

  public static Tfe local(FixedPointConfig config) {
    return new Tfe(config, Parties.DEFAULT, new InProcessRuntime());
  }

  /** A party by name, declared on first use. */
  public synchronized Party party(String name) {
    return parties.computeIfAbsent(name, Party::new);
  }

  /** A party that must already be declared; the error lists the known ones. */
  public synchronized Party requireParty(String name) {
    Party p = parties.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown party '" + name + "'; declared parties: " + parties.keySet()
          + " (declare it with tfe.party(\"" + name + "\"))");
    }
    return p;
  }

  public synchronized List<Party> parties() {
    return List.copyOf(parties.values());
  }

  public Parties servers() {
    return servers;
  }

  public FixedPoint fixedPoint() {
    return fp;
  }

  public Graph graph() {
    return graph;
  }

  public Session session() {
    return session;
  }

  // ---- protocols --------------------------------------------------------------------------

  /**
   * Registers a protocol module with this session, the one call a protocol needs: installs its op
   * modules in the session's op set, declares the parties of its roles, and returns its protocol
   * object. One object per module id: registering the same module again returns the same object;
   * a new definition of it (a notebook cell run again) replaces it and its op modules for this
   * session; another module with the same id is refused.
   */
  public <P extends Protocol> P use(ProtocolModule<P> module) {
    return protocols.use(module);
  }

  /** Pond with interactive truncation. */
  public Pond pond() {
    return use(PondModule.interactive());
  }

  /** A new Pond object with the given truncation. */
  public Pond pond(TruncationMode mode) {
    return protocols.fresh(new PondModule(mode));
  }

  /**
   * SecureNN with interactive truncation: Pond's ops plus exact ReLU, comparisons, max pooling
   * and argmax with the help of the third server. The default for private prediction.
   */
  public SecureNn secureNn() {
    return use(SecureNnModule.interactive());
  }

  /** A new SecureNN object with the given truncation. */
  public SecureNn secureNn(TruncationMode mode) {
    return protocols.fresh(new SecureNnModule(mode));
  }

  /**
   * ABY3: three symmetric parties with replicated shares and no dealer (tf-encrypted's default
   * protocol); pass it to {@link #privateModel(dev.tfe.model.Sequential, Party, Protocol)}.
   */
  public dev.tfe.protocol.aby3.Aby3 aby3() {
    return use(dev.tfe.protocol.aby3.Aby3Module.INSTANCE);
  }

  /** The plaintext reference protocol (no privacy; the oracle of the tests). */
  public PlainProtocol plain() {
    return use(PlainModule.INSTANCE);
  }

  // ---- private models ---------------------------------------------------------------------

  /**
   * The one wrapper call, with the default protocol for private prediction, SecureNN, whose
   * exact ReLU, max pooling and argmax make private predictions agree with plaintext ones.
   */
  public dev.tfe.model.secure.PrivateModel privateModel(dev.tfe.model.Sequential model, Party owner) {
    return privateModel(model, owner, secureNn());
  }

  /**
   * The one wrapper call: {@code model}'s weights become private variables of {@code owner},
   * shared and masked once; predictions run under {@code protocol}.
   */
  public dev.tfe.model.secure.PrivateModel privateModel(dev.tfe.model.Sequential model, Party owner, Protocol protocol) {
    return new dev.tfe.model.secure.PrivateModel(this, model, owner, protocol);
  }

  /**
   * Private training of {@code model} on the rows of {@code owners} (each shares its own), with the
   * default comparing protocol; {@code modelOwner} shares the initial weights and alone may learn
   * the trained ones. See {@link dev.tfe.model.privatetrain.PrivateTraining}.
   */
  public dev.tfe.model.privatetrain.PrivateTraining privateTraining(dev.tfe.model.Sequential model, Party modelOwner,
      dev.tfe.model.privatetrain.DataOwner... owners) {
    return new dev.tfe.model.privatetrain.PrivateTraining(this, model, modelOwner, secureNn(), List.of(owners));
  }

  // ---- inputs and outputs -----------------------------------------------------------------

  /** A private input whose value, given here, is sent to {@code owner} alone, which shares it. */
  public Tensor definePrivateInput(Protocol p, Party owner, INDArray value) {
    return definitions.privateInput(p, owner, value);
  }

  /** A private input fed at run time under {@code key} (see {@link #run(Map, Output...)}). */
  public Tensor definePrivateInput(Protocol p, Party owner, String key, int... shape) {
    return definitions.privateInput(p, owner, key, shape);
  }

  /**
   * A private input that {@code owner} reads from {@code path} on its own host each time the graph
   * runs (see {@link dev.tfe.runtime.FileInputs} for the format); the value never passes
   * through this program. With party processes, the owner must be a party of the hostmap.
   */
  public Tensor definePrivateInputFromFile(Protocol p, Party owner, String path, int... shape) {
    return definitions.privateInputFromFile(p, owner, path, shape);
  }

  /** A public input whose value is sent by {@code provider} to the servers in the clear. */
  public Tensor definePublicInput(Protocol p, Party provider, INDArray value) {
    return definitions.publicInput(p, provider, value);
  }

  /** A public constant known to the servers. */
  public Tensor defineConstant(Protocol p, INDArray value) {
    return definitions.constant(p, value);
  }

  /** A private variable: {@code owner} shares {@code initial} once; the servers keep the shares. */
  public Tensor definePrivateVariable(Protocol p, Party owner, INDArray initial) {
    return definitions.privateVariable(p, owner, initial);
  }

  /** Reveals {@code x} to {@code receiver} alone when the graph runs. */
  public Output defineOutput(Protocol p, Party receiver, Tensor x) {
    return definitions.output(p, receiver, x);
  }

  // ---- running ----------------------------------------------------------------------------

  /**
   * Runs with per-run values: {@code feeds} maps a party to its inputs by key; each party receives
   * only its own.
   */
  public RunResult run(Map<Party, Map<String, INDArray>> feeds, Output... outputs) {
    return definitions.run(feeds, outputs);
  }

  // ---- runtimes ---------------------------------------------------------------------------

  /**
   * Moves the computation onto separate party processes on this machine, one JVM per server,
   * talking over ZeroMQ (the {@code party-launcher} module must be on the classpath). Private
   * variables are initialised again on the new parties before the next run. The processes stop
   * when this {@code Tfe} is closed or the JVM exits. Op modules that the processes' build does
   * not contain (one written in a notebook cell) are sent to them by this launcher alone.
   *
   * @return the new runtime (its {@code toString} names the processes and their logs)
   */
  public Runtime launchLocal() {
    Runtime r = Launchers.local().launchLocal(servers);
    useRuntime(r);
    return r;
  }

  /**
   * Runs everything from now on with {@code runtime}, closing the previous one. Initialisers that
   * already ran run again on the new runtime's parties before the next run.
   */
  public void useRuntime(Runtime runtime) {
    session.setRuntime(runtime);
  }

  /** The runtime that executes runs: in-process threads or party processes. */
  public Runtime runtime() {
    return session.runtime();
  }

  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "Tfe[" + session.runtime().name() + ", parties " + parties.keySet() + ", " + fp.config() + "]";
  }
}
