package org.tvm.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tvm.ports.maintenance.MaintenanceListener;
import org.tvm.ports.maintenance.MaintenanceStep;
import org.tvm.ports.maintenance.StepResult;

/**
 * {@code tvm maintain}'s progress on stderr: on a terminal one line redrawn in place (step bar and rows so far),
 * otherwise one line per finished step (as {@link ProgressBar} does for the demo).
 */
final class MaintenanceProgress implements MaintenanceListener {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean interactive;
    private int index;
    private int total = 1;
    private MaintenanceStep step;
    private long rows;
    private int lastLength;

    MaintenanceProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void stepStarted(MaintenanceStep step, int index, int total) {
        this.step = step;
        this.index = index;
        this.total = total;
        this.rows = 0;
        draw();
    }

    @Override
    public void batchCommitted(MaintenanceStep step, long rows) {
        this.rows += rows;
        draw();
    }

    @Override
    public void stepFinished(StepResult result) {
        if (!interactive) {
            err.printf(Locale.ROOT, "maintain: %-24s done (%d rows, %d partitions)%n", result.step().code(), result.rows(),
                    result.partitions().size());
            err.flush();
        }
    }

    private void draw() {
        if (!interactive) {
            return;
        }
        int filled = index * WIDTH / total;
        String text = String.format(Locale.ROOT, "[%s%s] step %d/%d %-24s %d rows", "#".repeat(filled),
                "-".repeat(WIDTH - filled), index + 1, total, step.code(), rows);
        err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        lastLength = text.length();
        err.flush();
    }

    /** Ends the bar's line (on a terminal). */
    void finish() {
        if (interactive && lastLength > 0) {
            err.println();
            err.flush();
        }
    }
}
