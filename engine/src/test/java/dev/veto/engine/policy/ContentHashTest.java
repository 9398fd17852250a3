package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The policy's identity in the decision log: SHA-256 of its text, however late it is asked for. */
class ContentHashTest {

    @Test
    void isTheSha256OfTheText() {
        // FIPS 180-2's test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.of("abc").hex());
        assertEquals(PolicyLoader.contentHash("name: p\n"), ContentHash.of("name: p\n").hex());
    }

    @Test
    void aPolicyLoadedTwiceFromTheSameTextHasTheSameHashAndADifferentTextAnother() throws PolicyException {
        PolicyLoader loader = PolicyLoader.standard();
        Policy first = loader.parse("name: p\ndefault_action: allow\n", "<a>");
        Policy again = loader.parse("name: p\ndefault_action: allow\n", "<a>");
        Policy other = loader.parse("name: p\ndefault_action: deny\n", "<a>");
        assertEquals(first.contentHash(), again.contentHash());
        assertEquals(first.hash(), again.hash());
        assertNotEquals(first.contentHash(), other.contentHash());
        assertEquals(PolicyLoader.contentHash("name: p\ndefault_action: allow\n"), first.contentHash());
    }

    @Test
    void aKnownHashIsKeptAsGiven() {
        assertEquals("", ContentHash.known("").hex());
    }
}
