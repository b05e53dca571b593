/**
 * The application layer, shared by the desktop app and the command line and free of any toolkit: what one
 * analysed film leaves in the patient log ({@link org.lunglens.app.AnalysisRecorder}), the one thread and the one
 * model cache every AI job runs on ({@link org.lunglens.app.InferenceService}), and background work described
 * once and run by an injectable executor ({@link org.lunglens.app.BackgroundTask}, {@link
 * org.lunglens.app.TaskExecutor}; tests run it synchronously).
 */
package org.lunglens.app;
