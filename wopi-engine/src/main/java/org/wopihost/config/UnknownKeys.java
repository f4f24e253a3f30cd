package org.wopihost.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds the configuration keys a host does not know, under the prefixes it owns, and the known key
 * each was most likely meant to be: a misspelt key ({@code nuxeo.wopi.tokn.ttl}) is otherwise
 * silently ignored. Plain strings in, warnings out, so that the standalone host and the Nuxeo add-on
 * (over its framework properties) both use it.
 */
public final class UnknownKeys {

    private final Collection<String> known;
    private final List<String> prefixes;

    /**
     * @param known    every key the host reads
     * @param prefixes the namespaces the host owns (e.g. {@code nuxeo.wopi.}): keys outside them are someone else's
     */
    public UnknownKeys(Collection<String> known, List<String> prefixes) {
        this.known = List.copyOf(known);
        this.prefixes = List.copyOf(prefixes);
    }

    /** One warning per unknown key of {@code keys}, naming the nearest known key when one is close. */
    public List<String> warnings(Collection<String> keys) {
        List<String> warnings = new ArrayList<>();
        for (String key : keys.stream().sorted().toList()) {
            if (known.contains(key) || prefixes.stream().noneMatch(key::startsWith)) {
                continue;
            }
            String nearest = nearest(key);
            warnings.add("unknown configuration key " + key + " is ignored"
                    + (nearest == null ? " (known keys: " + String.join(", ", known) + ")"
                            : "; did you mean " + nearest + "?"));
        }
        return warnings;
    }

    /** The known key fewest edits away, when that is at most a third of its length; else null. */
    String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
