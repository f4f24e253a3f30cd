package org.wopihost.discovery;

import java.util.List;

/** One {@code <app>} of the chosen net zone, with its actions in document order. */
public record WopiApp(String name, String favIconUrl, boolean checkLicense, List<WopiAction> actions) {

    public WopiApp {
        actions = List.copyOf(actions);
    }
}
