package org.tvm.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/tvm}: one subcommand per job. */
@Command(name = "tvm",
        mixinStandardHelpOptions = true,
        version = "TVM Persistence 0.1.0-SNAPSHOT",
        description = "TVM Persistence command line.",
        subcommands = {DemoCommand.class, MigrateCommand.class, MaintainCommand.class, StatusCommand.class,
                BenchCommand.class, GenerateCommand.class, AuditCommand.class, GdprCommand.class,
                CommandLine.HelpCommand.class})
public final class TvmCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is, and fail like any other usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        quietLibraries();
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line prints its own results; library chatter (pool start-up, Hibernate bootstrap) would bury them.
     * Warnings and errors still show; set the properties yourself (e.g. in TVM_JAVA_OPTS) to see more.
     */
    static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");   // Hibernate logs through slf4j-simple too
        }
    }

    /** The configured command line; usage errors exit with 2, as picocli's convention and the README say. */
    public static CommandLine commandLine() {
        return new CommandLine(new TvmCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
                    // Operators need the cause in one line, not a stack trace; TVM_DEBUG=1 shows it all.
                    commandLine.getErr().println("tvm " + commandLine.getCommandName() + ": "
                            + CliErrors.describe(commandLine.getCommandName(), failure));
                    if (System.getenv("TVM_DEBUG") != null) {
                        failure.printStackTrace(commandLine.getErr());
                    }
                    return 1;
                });
    }
}
