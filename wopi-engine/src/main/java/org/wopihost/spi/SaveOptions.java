package org.wopihost.spi;

import java.util.List;
import java.util.Objects;

/**
 * How a save lands beyond its bytes. Collabora marks its saves (autosave, exit save, user changes or
 * none); Office and ONLYOFFICE do not, and each of their saves is a version of its own.
 *
 * @param newVersion       true: the save is a version (an explicit or exit save); false: it replaces the
 *                         file's working copy, so that the autosaves of an edit session make one version
 *                         and a save without user changes makes none
 * @param coAuthors        ids of the users, besides the saving user, whose changes the save carries
 *                         ({@code X-WOPI-Editors}), to be credited as contributors; known users only
 * @param conflictCopyName the file name under which the content is kept beside the file when the save
 *                         is refused or fails once its content is in
 */
public record SaveOptions(boolean newVersion, List<String> coAuthors, String conflictCopyName) {

    public SaveOptions {
        coAuthors = List.copyOf(coAuthors);
        Objects.requireNonNull(conflictCopyName, "conflictCopyName");
    }
}
