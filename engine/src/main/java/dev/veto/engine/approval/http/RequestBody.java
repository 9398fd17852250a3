package dev.veto.engine.approval.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a cap, so a client cannot make the server buffer without bound. */
final class RequestBody {

    /** The body was longer than the cap; nothing past the cap was read. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(long cap) {
            super("the request body is larger than " + cap + " bytes");
        }
    }

    private RequestBody() {
    }

    static byte[] read(HttpExchange exchange, int cap) throws IOException, TooLarge {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > cap) {
                    throw new TooLarge(cap);
                }
            } catch (NumberFormatException e) {
                // the server has already refused a malformed length; read what comes
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > cap) {
                    throw new TooLarge(cap);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
