package dev.veto.engine.approval.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The reviewer token: checked in constant time, so response timing does not leak it. */
final class BearerToken {

    private final String value;
    private final byte[] bytes;

    BearerToken(String value) {
        this.value = value;
        this.bytes = value.getBytes(StandardCharsets.UTF_8);
    }

    /** 256 random bits, URL-safe (it travels in the page's URL fragment). */
    static BearerToken generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    String value() {
        return value;
    }

    boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() < 7
                || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, bytes);
    }
}
