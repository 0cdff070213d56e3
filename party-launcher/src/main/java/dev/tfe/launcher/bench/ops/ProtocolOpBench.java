package dev.tfe.launcher.bench.ops;

import dev.tfe.api.BuiltInModules;
import dev.tfe.program.Output;
import dev.tfe.program.Party;
import dev.tfe.program.RunResult;
import dev.tfe.api.Tfe;
import dev.tfe.protocol.Protocol;
import dev.tfe.protocol.ProtocolModule;
import dev.tfe.protocol.Tensor;
import dev.tfe.ring.ConvGeometry.Padding;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One protocol op end to end on the in-process runtime (the three servers and the client as
 * threads): the client's input is shared, the op runs, its result is revealed to the client.
 * Ops: DReLU and ReLU on 128x128 values (SecureNN's Table 8 case), 2x2 max pooling over a
 * 24x24x16 input, and a private 128x784 by 784x128 product with the owner's weights masked once
 * before timing. {@code protocol} is the id of any built-in module
 * ({@code -p protocol=pond,securenn}); a module without comparisons is refused for the
 * comparison ops with the library's own error.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProtocolOpBench {
  @Param({"securenn"})
  public String protocol;

  @Param({"drelu", "relu", "maxPool2d", "matmul"})
  public String op;

  private Tfe tfe;
  private Map<Party, Map<String, INDArray>> feed;
  private Output out;

  @Setup(Level.Trial)
  public void setUp() {
    tfe = Tfe.local();
    Protocol p = tfe.use(module(protocol));
    Party client = tfe.party("client");
    int[] shape = op.equals("maxPool2d") ? new int[] {1, 24, 24, 16} : op.equals("matmul") ? new int[] {128, 784}
        : new int[] {128, 128};
    Tensor x = tfe.definePrivateInput(p, client, "x", shape);
    Tensor y = switch (op) {
      case "drelu" -> p.drelu(x);
      case "relu" -> p.relu(x);
      case "maxPool2d" -> p.maxPool2d(x, 2, 2, 2, 2, Padding.VALID);
      case "matmul" -> p.matmul(x, p.mask(tfe.definePrivateVariable(p, tfe.party("owner"),
          Nd4j.rand(DataType.DOUBLE, 784, 128).subi(0.5).divi(784))));
      default -> throw new IllegalArgumentException("unknown op '" + op + "'; use drelu, relu, maxPool2d or matmul");
    };
    out = tfe.defineOutput(p, client, y);
    feed = Map.of(client, Map.of("x", Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(8)));
    tfe.run(feed, out); // shares and masks the weights once
  }

  private static ProtocolModule<?> module(String id) {
    return BuiltInModules.protocols().stream().filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no built-in protocol '" + id + "'; there are "
            + BuiltInModules.protocols().stream().map(ProtocolModule::id).toList()));
  }

  @Benchmark
  public RunResult run() {
    return tfe.run(feed, out);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tfe.close();
  }
}
