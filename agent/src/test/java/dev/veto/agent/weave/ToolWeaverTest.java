package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veto.Tool;
import dev.veto.ToolDeniedException;
import dev.veto.ToolParam;
import dev.veto.bootstrap.VetoBridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The woven check, without a forked JVM: a class is woven from its class file, defined in a fresh loader,
 * and its methods are called; the gate sees every argument, boxed, before the body runs.
 */
class ToolWeaverTest {

    /** Tools of every argument shape; {@code bodies} counts the bodies that ran. */
    public static class Shapes {
        public static final AtomicInteger bodies = new AtomicInteger();

        @Tool(name = "primitives")
        public static String primitives(boolean flag, char letter, byte small, short medium, int count, long big,
                float ratio, double amount) {
            bodies.incrementAndGet();
            return flag + " " + letter + " " + small + " " + medium + " " + count + " " + big + " " + ratio + " " + amount;
        }

        @Tool
        public String instance(@ToolParam("order") String orderId, long[] ids, double total) {
            bodies.incrementAndGet();
            return orderId + ids.length + total;
        }

        @Tool
        public String loopsAtTheStart(int times) {
            int left = times;
            do { // the loop's first instruction is a branch target: the method's first stack map frame
                left--;
            } while (left > 0);
            bodies.incrementAndGet();
            return "looped " + (times - left);
        }

        public String notATool(String text) {
            bodies.incrementAndGet();
            return text;
        }
    }

    private final List<Object[]> seen = new ArrayList<>();
    private final List<String> tools = new ArrayList<>();
    private final ToolSites sites = new ToolSites();
    private boolean deny;

    @BeforeEach
    void installGate() {
        VetoBridge.install((site, arguments) -> {
            tools.add(sites.get(site).tool() + Arrays.toString(names(sites.get(site))));
            seen.add(arguments);
            if (deny) {
                throw new ToolDeniedException(sites.get(site).tool(), "deny", "no", null, null);
            }
        });
    }

    @AfterEach
    void removeGate() {
        VetoBridge.install(null);
    }

    @Test
    void everyArgumentReachesTheGateBoxedBeforeTheBodyRuns() throws Exception {
        Class<?> woven = weave(Shapes.class);
        Object shapes = woven.getConstructor().newInstance();

        Object primitives = call(woven, null, "primitives", true, 'x', (byte) 7, (short) 300, 70_000, 1L << 40, 0.5f, 2.25);
        Object instance = call(woven, shapes, "instance", "ord-1", new long[] {1, 2}, 9.5);
        Object looped = call(woven, shapes, "loopsAtTheStart", 3);
        Object plain = call(woven, shapes, "notATool", "x");

        assertEquals("true x 7 300 70000 1099511627776 0.5 2.25", primitives);
        assertEquals("ord-129.5", instance);
        assertEquals("looped 3", looped);
        assertEquals("x", plain);
        assertEquals(4, bodies(woven));
        assertEquals(List.of("primitives[flag, letter, small, medium, count, big, ratio, amount]",
                "instance[order, ids, total]", "loopsAtTheStart[times]"), tools);
        assertArrayEquals(new Object[] {true, 'x', (byte) 7, (short) 300, 70_000, 1L << 40, 0.5f, 2.25}, seen.get(0));
        assertEquals("ord-1", seen.get(1)[0]);
        assertArrayEquals(new long[] {1, 2}, (long[]) seen.get(1)[1]);
        assertEquals(9.5, seen.get(1)[2]);
        assertArrayEquals(new Object[] {3}, seen.get(2));
    }

    /** The engine interns the policy's names: the site's own must be the interned Strings, found by identity. */
    @Test
    void aSiteHandsOverInternedNames() throws Exception {
        weave(Shapes.class);
        ToolSite site = null;
        for (int id = 0; id < sites.size(); id++) {
            if (sites.get(id).tool().equals("instance")) {
                site = sites.get(id);
            }
        }
        assertEquals("instance", site.tool());
        assertSame("instance", site.tool());
        assertSame("order", site.parameterName(0));
        assertSame("ids", site.parameterName(1));
        assertSame("total", site.parameterName(2));
    }

    @Test
    void aDenialStopsTheBody() throws Exception {
        Class<?> woven = weave(Shapes.class);
        deny = true;

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> call(woven, woven.getConstructor().newInstance(), "loopsAtTheStart", 2));

        assertEquals(ToolDeniedException.class, thrown.getCause().getClass());
        assertEquals(0, bodies(woven));
    }

    @Test
    void aClassWithoutToolsIsLeftAsItIs() throws IOException {
        assertNull(weaver().weave(classFile(ToolWeaverTest.class), getClass().getClassLoader()));
    }

    private ToolWeaver weaver() {
        return new ToolWeaver(new ToolMethods(List.of()), sites, new WeaveReport(new PrintStream(new ByteArrayOutputStream()), false));
    }

    /** Weaves the class and defines it in a loader of its own (its statics are then its own too). */
    private Class<?> weave(Class<?> type) throws IOException {
        byte[] woven = weaver().weave(classFile(type), getClass().getClassLoader());
        return new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(type.getName(), woven, 0, woven.length);
            }
        }.define();
    }

    private static Object call(Class<?> type, Object target, String name, Object... arguments) throws Exception {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method.invoke(target, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** The woven copy's count of bodies run. */
    private static int bodies(Class<?> woven) throws ReflectiveOperationException {
        return ((AtomicInteger) woven.getField("bodies").get(null)).get();
    }

    private static String[] names(ToolSite site) {
        String[] names = new String[site.arity()];
        for (int i = 0; i < names.length; i++) {
            names[i] = site.parameterName(i);
        }
        return names;
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
