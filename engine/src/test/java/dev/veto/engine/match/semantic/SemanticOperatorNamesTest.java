package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The registry looks operators up by name: its list of names and its lookup must agree with each family. */
class SemanticOperatorNamesTest {

    @Test
    void theNamesAreExactlyTheFamiliesOperators() {
        Set<String> families = new TreeSet<>();
        families.addAll(PathMatchers.operators().keySet());
        families.addAll(UrlMatchers.operators().keySet());
        families.add("sql");
        families.addAll(EmailMatchers.operators().keySet());
        families.addAll(NumberMatchers.operators().keySet());
        families.add("charset");
        assertEquals(families, new TreeSet<>(SemanticOperators.NAMES));
        assertEquals(SemanticOperators.NAMES.size(), families.size(), "a name listed twice");
    }

    @Test
    void everyNameFindsItsCompilerAndNothingElseDoes() {
        for (String name : SemanticOperators.NAMES) {
            assertNotNull(SemanticOperators.find(name), name);
        }
        assertNull(SemanticOperators.find("host"));
        assertNull(SemanticOperators.find("regex"));
    }
}
