package dev.veto.engine.log;

/**
 * What {@link DecisionLogVerifier} found.
 *
 * @param ok            the whole file is one intact chain
 * @param linesChecked  lines found intact (all of them when ok; those before the first bad line when not)
 * @param firstBadLine  1-based number of the first line where the chain breaks, or 0 when ok
 * @param message       what was found, for a person: the count, or the line and what is wrong with it
 * @param lastHash      the hash of the last intact line (the chain's head when ok): keep it somewhere else
 *                      to detect later that lines were cut off the end, which no chain can show by itself
 */
public record ChainVerification(boolean ok, long linesChecked, long firstBadLine, String message, String lastHash) {
}
