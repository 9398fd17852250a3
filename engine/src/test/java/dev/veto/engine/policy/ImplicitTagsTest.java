package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** {@link ImplicitTags} types every plain scalar exactly as SnakeYAML's Resolver does. */
class ImplicitTagsTest {

    private static final Resolver SNAKEYAML = new Resolver();

    private static String snakeYaml(String text) {
        return SNAKEYAML.resolve(NodeId.scalar, text, true).getValue();
    }

    @Test
    void theWrittenFormsOfEachTypeAgreeWithSnakeYaml() {
        List<String> texts = List.of("", " ", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "No",
                "on", "Off", "OFF", "y", "n", "true", "True", "TRUE", "false", "tRUE", "0", "-0", "+0", "7", "012", "0o12",
                "08", "0b1010", "0b_1", "0b", "0x1F", "0x_f", "0xg", "1_000", "_1", "1:20", "190:20:30", "-1:61", "1.5",
                "1.", ".5", "-.5", "+.5e3", "1e3", "1E+3", "1.5e-3", "1_0.0_1", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
                "nan", "inf", "1:20.5", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                "2002-12-14", "2001-1-1 1:00:00", "<<", "<", "<= 200", "= 5", "=", "!", "&", "*", "issue_refund",
                "20/hour", "5000/day", "support_l1", "arguments.amount", "1234567890123456789012345678901234567890",
                "0x" + "f".repeat(1030), "1" + "0".repeat(1024), "yes ", "12 ", "1 000", "N", "Y", "nothing", "Nope");
        for (String text : texts) {
            assertEquals(snakeYaml(text), ImplicitTags.of(text), "\"" + text + "\"");
        }
    }

    @Test
    void randomTextsFromTheCharactersTheTypesAreMadeOfAgreeWithSnakeYaml() {
        String alphabet = "0123456789+-._:eEbBxXoOaAfFnNyYtTrRuUlLsS~<=!&* \t";
        Random random = new Random(20261126);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(snakeYaml(text), ImplicitTags.of(text), "\"" + text + "\"");
        }
    }
}
