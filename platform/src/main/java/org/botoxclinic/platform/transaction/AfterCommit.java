package org.botoxclinic.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once the current transaction has committed (never after a rollback). */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs the action after this transaction commits, once per call. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Runs the action after this transaction commits, once per transaction and key however often it is asked. */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (Boolean.TRUE.equals(transactions.getResource(key))) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        run(transactions, action);
    }
}
