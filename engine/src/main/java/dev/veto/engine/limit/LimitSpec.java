package dev.veto.engine.limit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount per time window as a policy writes it: {@code 20/hour}, {@code 5000/day}, {@code 2.5/second}.
 * The same notation serves rate limits (an amount of calls) and budgets (an amount of a summed argument).
 *
 * @param amount how much is allowed in one window; always more than zero
 * @param window the window's length
 */
public record LimitSpec(BigDecimal amount, Duration window) {

    private static final Pattern SHAPE = Pattern.compile("\\s*([^/]*?)\\s*/\\s*(.*?)\\s*");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final String UNITS = "second, minute, hour, day";
    private static final Map<String, Duration> WINDOW_BY_UNIT = Map.of(
            "second", Duration.ofSeconds(1), "seconds", Duration.ofSeconds(1),
            "minute", Duration.ofMinutes(1), "minutes", Duration.ofMinutes(1),
            "hour", Duration.ofHours(1), "hours", Duration.ofHours(1),
            "day", Duration.ofDays(1), "days", Duration.ofDays(1));

    public LimitSpec {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("limit amount must be more than 0, was " + amount);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("limit window must be longer than 0, was " + window);
        }
    }

    /**
     * Reads {@code AMOUNT/UNIT}: a plain decimal amount more than zero, a unit among second, minute,
     * hour, day (or their plurals).
     *
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    public static LimitSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("limit is missing, expected AMOUNT/UNIT such as 20/hour");
        }
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            throw problem(text, "no \"/\"", "AMOUNT/UNIT such as 20/hour");
        }
        String amountText = shape.group(1);
        String unit = shape.group(2).toLowerCase(Locale.ROOT);
        if (!PLAIN_NUMBER.matcher(amountText).matches()) {
            throw problem(text, "amount \"" + amountText + "\" is not a number",
                    "a plain decimal number more than 0 before the \"/\", such as 20/hour or 2.5/second");
        }
        BigDecimal amount = new BigDecimal(amountText);
        if (amount.signum() == 0) {
            throw problem(text, "amount is 0", "an amount more than 0");
        }
        Duration window = WINDOW_BY_UNIT.get(unit);
        if (window == null) {
            throw problem(text, "unknown unit \"" + shape.group(2) + "\"", "one of " + UNITS);
        }
        return new LimitSpec(amount, window);
    }

    /**
     * The amount as a whole number of calls, for a rate limit.
     *
     * @throws IllegalArgumentException when the amount has a fraction or does not fit in a long
     */
    public long wholeAmount() {
        try {
            return amount.longValueExact();
        } catch (ArithmeticException e) {
            throw problem(toString(), "amount " + amount.toPlainString() + " is not a whole number of calls",
                    "a whole number such as 20/hour");
        }
    }

    /**
     * The same limit: the same window and the same amount as a number ({@code 5000/day} and
     * {@code 5000.00/day} are one limit), so that a reload that only rewrites the amount keeps the counts.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LimitSpec other && other.amount.compareTo(amount) == 0 && other.window.equals(window);
    }

    @Override
    public int hashCode() {
        return 31 * amount.stripTrailingZeros().hashCode() + window.hashCode();
    }

    /** The policy notation, {@code 20/hour}; a window that is not one unit long is written as a Duration. */
    @Override
    public String toString() {
        String unit = window.equals(Duration.ofDays(1)) ? "day"
                : window.equals(Duration.ofHours(1)) ? "hour"
                : window.equals(Duration.ofMinutes(1)) ? "minute"
                : window.equals(Duration.ofSeconds(1)) ? "second"
                : window.toString();
        return amount.toPlainString() + "/" + unit;
    }

    private static IllegalArgumentException problem(String text, String what, String expected) {
        return new IllegalArgumentException("limit \"" + text + "\": " + what + ", expected " + expected);
    }
}
