package org.lunglens;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * LungLens's logging, set up in code: Logback's XML configuration delayed every start (an XML parser and Logback's
 * configuration model, several hundred classes loaded; docs/BENCHMARKS.md). Logs go to stderr so the CLI's
 * stdout stays machine-readable; ND4J's start-up chatter is kept at WARN. {@code -Dlunglens.log=INFO} (or DEBUG)
 * shows backend, CPU level and stack traces; {@code -Dlogback.configurationFile=FILE} still hands the whole set-up
 * to an XML file of one's own. Found by Logback through {@code META-INF/services}.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String LEVEL_PROPERTY = "lunglens.log";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        String level = System.getProperty(LEVEL_PROPERTY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.WARN));
        root.addAppender(stderr);
        context.getLogger("org.lunglens").setLevel(Level.toLevel(level, Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
