package dev.veto.engine.approval.http;

import com.sun.net.httpserver.HttpServer;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.ApprovalTransport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The reviewer's server: the JSON API ({@link ApiHandler}) and the reviewer page ({@link PageHandler}) on
 * the JDK's own HTTP server, bound to loopback unless configured otherwise. Held calls need no pushing:
 * the API reads them from the registry, and the page polls it.
 */
public final class ApprovalHttpServer implements ApprovalTransport {

    private final HttpServer server;
    private final ExecutorService executor;
    private final BearerToken token;
    private final URI url;

    private ApprovalHttpServer(HttpServer server, ExecutorService executor, BearerToken token, URI url) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.url = url;
    }

    /**
     * Listens on {@code approval.http.bind}:{@code approval.http.port} and prints the page's address on
     * {@code notices}, with the token in the URL fragment when it was generated here (printed this once;
     * a fragment is never sent to a server).
     */
    public static ApprovalHttpServer start(ApprovalRegistry registry, ApprovalSettings settings, PrintStream notices)
            throws IOException {
        InetAddress bind = InetAddress.getByName(settings.httpBind());
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, settings.httpPort()), 0);
        boolean generated = settings.httpToken().isEmpty();
        BearerToken token = settings.httpToken().map(BearerToken::new).orElseGet(BearerToken::generate);
        server.createContext("/api/", new ApiHandler(registry, token,
                request -> settings.transportsFor(request.channel()).contains(ApprovalSettings.Transport.HTTP)));
        server.createContext("/", new PageHandler());
        ExecutorService executor = boundedExecutor(settings.httpThreads());
        server.setExecutor(executor);
        startAsDaemon(server);
        String host = bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
        URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
        notices.println(generated
                ? "veto: approvals: reviewer page at " + url + "#token=" + token.value()
                        + " (a new token, shown only now; set approval.http.token to choose one)"
                : "veto: approvals: reviewer page at " + url + " (token from approval.http.token)");
        if (!bind.isLoopbackAddress()) {
            notices.println("veto: approvals: the reviewer server listens on " + bind.getHostAddress()
                    + ", not only loopback: put it behind TLS");
        }
        return new ApprovalHttpServer(server, executor, token, url);
    }

    /**
     * The JDK server's dispatcher thread takes its daemon status from the thread that starts it; started
     * from the application's main thread it would keep the JVM alive after the application is done.
     */
    private static void startAsDaemon(HttpServer server) throws IOException {
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            try {
                server.start();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "veto-approvals-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IOException("interrupted while starting the reviewer server", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static ExecutorService boundedExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "veto-approvals-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The page's address, e.g. {@code http://127.0.0.1:43121/}. */
    public URI url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The bearer token every API request must carry. */
    public String token() {
        return token.value();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void present(ApprovalRequest request, Consumer<String> unavailable) {
        // The API lists held calls straight from the registry; nothing to push.
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
