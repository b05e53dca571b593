/** The picocli command line: info, train, evaluate, classify. Uses the core packages only, never the UI. */
package org.lunglens.cli;
