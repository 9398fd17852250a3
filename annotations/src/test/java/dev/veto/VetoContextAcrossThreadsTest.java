package dev.veto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The context belongs to the thread, so a framework that runs tools on a pool of its own (LangChain4j's
 * concurrent tool calls) showed them no context, and a rule reading {@code context.role} denied them.
 * {@link VetoContext#wrap} and {@link VetoContext#propagating} carry the submitting thread's context to the
 * thread that runs the work, and leave nothing on that (pooled) thread afterwards.
 */
class VetoContextAcrossThreadsTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        assertEquals(Map.of(), VetoContext.current(), "a test left a context behind");
    }

    @Test
    void aPlainPoolThreadSeesNoContext() throws Exception {
        try (var scope = VetoContext.with(Map.of("role", "support_l1"))) {
            assertEquals(Map.of(), pool.submit(VetoContext::current).get(), "the control: context is per thread");
        }
    }

    @Test
    void aWrappedTaskRunsWithTheContextOfTheThreadThatWrappedIt() throws Exception {
        Runnable wrapped;
        CompletableFuture<Map<String, Object>> seen = new CompletableFuture<>();
        try (var scope = VetoContext.with(Map.of("role", "support_l1", "userId", "u-42"))) {
            wrapped = VetoContext.wrap(() -> {
                seen.complete(VetoContext.current());
            });
        }
        pool.execute(wrapped);   // run after the scope closed: the context was taken when wrapping
        assertEquals(Map.of("role", "support_l1", "userId", "u-42"), seen.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of(), pool.submit(VetoContext::current).get(), "the pool thread keeps nothing afterwards");
    }

    @Test
    void aWrappedCallableReturnsItsResultWithTheContext() throws Exception {
        try (var scope = VetoContext.with("tenant", "t-9")) {
            assertEquals("t-9", pool.submit(VetoContext.wrap(() -> VetoContext.current().get("tenant"))).get());
        }
    }

    @Test
    void aPropagatingExecutorHandsEachTaskItsSubmittersContext() throws Exception {
        var executor = VetoContext.propagating(pool);
        CompletableFuture<Object> first;
        CompletableFuture<Object> second;
        try (var scope = VetoContext.with("role", "support_l1")) {
            first = CompletableFuture.supplyAsync(() -> VetoContext.current().get("role"), executor);
            first.get(5, TimeUnit.SECONDS);
        }
        try (var scope = VetoContext.with("role", "admin")) {
            second = CompletableFuture.supplyAsync(() -> VetoContext.current().get("role"), executor);
        }
        assertEquals("support_l1", first.get(5, TimeUnit.SECONDS));
        assertEquals("admin", second.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of(), pool.submit(VetoContext::current).get());
    }
}
