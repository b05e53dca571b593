package org.lunglens;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logging set up in code, as the XML file it replaced set it up. */
class LoggingSetupTest {
    @AfterEach
    void clearLevel() {
        System.clearProperty(LoggingSetup.LEVEL_PROPERTY);
    }

    @Test
    void logbackFindsItAndLogsGoToStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.getTarget()).isEqualTo("System.err");
            assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(LoggingSetup.PATTERN);
            assertThat(appender.isStarted()).isTrue();
        });
    }

    @Test
    void ourMessagesAtInfoOthersAtWarnByDefault() {
        LoggerContext context = configured();

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.lunglens").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.nd4j.linalg.factory.Nd4jBackend").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.lunglens.model.Trainer").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void theLevelPropertySetsBoth() {
        System.setProperty(LoggingSetup.LEVEL_PROPERTY, "DEBUG");
        LoggerContext context = configured();

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.lunglens").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void anXmlFileOfOnesOwnStillWins() {
        System.setProperty("logback.configurationFile", "mine.xml");
        try {
            LoggingSetup setup = new LoggingSetup();
            LoggerContext context = new LoggerContext();
            setup.setContext(context);
            assertThat(setup.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        LoggingSetup setup = new LoggingSetup();
        setup.setContext(context);
        assertThat(setup.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }
}
