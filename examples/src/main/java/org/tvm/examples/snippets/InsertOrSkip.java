package org.tvm.examples.snippets;

import org.tvm.domain.fleet.Vehicle;
import org.tvm.ports.DuplicateKeyException;
import org.tvm.ports.TvmTransaction;

/** The README's savepoint example: register a vehicle unless it is already there, and let the unit of work go on. */
public final class InsertOrSkip {

    private InsertOrSkip() {
    }

    /**
     * @param tx      the unit of work's transaction
     * @param vehicle the vehicle to register; a vehicle with its id already stored is skipped
     */
    public static void registerVehicle(TvmTransaction tx, Vehicle vehicle) {
        // tag::savepoint[]
        try {
            tx.savepoint(() -> tx.vehicles().insert(vehicle));   // undone alone if it fails
        } catch (DuplicateKeyException alreadyThere) {
            // insert-or-skip: the rest of the unit of work commits
        }
        // end::savepoint[]
    }
}
