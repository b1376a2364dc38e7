package org.tvm.ports.maintenance;

import java.util.List;
import java.util.Objects;

/**
 * What one step did (or, in a dry run, would do).
 *
 * @param step       the step
 * @param rows       rows deleted, archived or anonymised (&gt;= 0; 0 for partition and refresh steps)
 * @param partitions partitions created or dropped, by name, in the order handled (never null)
 * @param detail     one human line for the plan and logs (cut-off, range); never a row value
 * @param error      null on success, else the failure's kind (exception class and SQLState; never row values)
 */
public record StepResult(MaintenanceStep step, long rows, List<String> partitions, String detail, String error) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        partitions = List.copyOf(partitions);
        detail = detail == null ? "" : detail;
    }

    public boolean failed() {
        return error != null;
    }
}
