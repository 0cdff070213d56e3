package dev.tfe.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.tfe.launcher.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tfe kernel run CONNECTION_FILE}: runs the {@link TfeKernel} on a Jupyter connection
 * file until the front end shuts it down; what the installed kernel.json runs (through
 * {@link TfeKernel#main}).
 */
@Command(name = "run",
        header = "run the kernel on a Jupyter connection file, as Jupyter does",
        sortOptions = false,
        description = {"Runs the Java kernel on a Jupyter connection file until the front end shuts it down "
                + "(what the installed kernel.json does)."},
        footer = {"", "Logging: TFE_LOG=info|debug|trace turns up the libraries' SLF4J logging (warnings only by "
                + "default); TFE_KERNEL_LOG=INFO the Jupyter messaging's."})
public final class KernelRunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(connectionFile)) {
            throw new ParameterException(spec.commandLine(), "no such connection file: " + connectionFile);
        }
        TfeKernel.run(connectionFile);
        return 0;
    }
}
