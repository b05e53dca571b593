/**
 * Reports of a training or evaluation run: plots (training curves, confusion matrix, ROC) as PNG and the
 * model card as Markdown. Java2D and JFreeChart only, no JavaFX, so the CLI can write them headless.
 */
package org.lunglens.report;
