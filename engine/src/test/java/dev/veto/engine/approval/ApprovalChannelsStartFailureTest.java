package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reviewer page starts before the webhook. When the webhook could not be made (in a modular application
 * without java.net.http its classes do not link), the channels failed to start but the page kept listening,
 * with nothing behind it: a reviewer who opened it saw no held call, while calls were decided by escalation.
 * What started is now stopped before the failure goes on.
 */
class ApprovalChannelsStartFailureTest {

    @Test
    void aWebhookThatCannotBeMadeStopsTheReviewerPageThatStartedBeforeIt() throws Exception {
        int port = freePort();
        ApprovalSettings settings = ApprovalSettings.parse(Map.of("approval.default", "http",
                "approval.http.port", String.valueOf(port), "approval.webhook.url", "http://127.0.0.1:9/hook"));
        ApprovalChannels.WebhookFactory missingModule = (url, format, events, timeout, retries, page, notices) -> {
            throw new NoClassDefFoundError("java/net/http/HttpClient");
        };

        assertThrows(NoClassDefFoundError.class, () -> ApprovalChannels.start(new ApprovalRegistry(), settings,
                new PrintStream(new ByteArrayOutputStream(), true), missingModule));

        assertEquals("refused", connect(port), "the reviewer page is still listening after the channels failed");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return "accepted";
        } catch (ConnectException refused) {
            return "refused";
        }
    }
}
