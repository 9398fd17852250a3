package dev.veto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The policy decides on what {@link VetoContext} says, so a closed scope must never leave its entries, or
 * an outer scope's, on a thread. Closing scopes out of order used to restore a stale context: after both
 * scopes below are closed, the thread still said role=admin, and every later call on that (pooled) thread
 * ran as admin. Closing a scope on another thread put the opener's outer context on the closing thread.
 */
class VetoContextScopesTest {

    @AfterEach
    void nothingLeftOnThisThread() {
        assertEquals(Map.of(), VetoContext.current(), "a test left a context behind");
    }

    @Test
    void nestedScopesRestoreTheOuterContextInOrder() {
        try (var outer = VetoContext.with(Map.of("role", "support_l1", "tenant", "t-1"))) {
            try (var inner = VetoContext.with(Map.of("role", "support_l2"))) {
                assertEquals(Map.of("role", "support_l2", "tenant", "t-1"), VetoContext.current());
            }
            assertEquals(Map.of("role", "support_l1", "tenant", "t-1"), VetoContext.current());
        }
        assertEquals(Map.of(), VetoContext.current());
    }

    @Test
    void closingAnOuterScopeFirstLeavesNothingBehind() {
        var admin = VetoContext.with(Map.of("role", "admin", "job", "nightly"));
        var user = VetoContext.with(Map.of("userId", "u-7"));

        admin.close();
        assertEquals(Map.of("userId", "u-7"), VetoContext.current(), "the closed scope's entries are gone at once");
        user.close();

        assertEquals(Map.of(), VetoContext.current(), "no role=admin left on the thread");
    }

    @Test
    void closingAMiddleScopeFirstKeepsTheOthers() {
        var outer = VetoContext.with(Map.of("tenant", "t-1"));
        var middle = VetoContext.with(Map.of("role", "admin"));
        var inner = VetoContext.with(Map.of("userId", "u-7"));

        middle.close();
        assertEquals(Map.of("tenant", "t-1", "userId", "u-7"), VetoContext.current());
        inner.close();
        assertEquals(Map.of("tenant", "t-1"), VetoContext.current());
        outer.close();
        middle.close(); // closing twice changes nothing
    }

    @Test
    void aScopeClosedOnAnotherThreadIsRefusedAndChangesNothingThere() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (var admin = VetoContext.with(Map.of("role", "admin"))) {
            var user = VetoContext.with(Map.of("userId", "u-7"));
            try {
                Map<String, Object> onOtherThread = CompletableFuture.supplyAsync(() -> {
                    assertThrows(IllegalStateException.class, user::close);
                    return VetoContext.current();
                }, pool).get();

                assertEquals(Map.of(), onOtherThread, "the opener's outer context did not move to the closing thread");
                assertEquals(Map.of("role", "admin", "userId", "u-7"), VetoContext.current());
            } finally {
                user.close();
            }
        } finally {
            pool.shutdown();
        }
    }
}
