package org.wopihost.spi;

import java.util.Objects;

/**
 * Which blob a WOPI file id designates: a repository, a document in it and the xpath of a blob
 * property of that document ({@code file:content}, {@code files:files/0/file}, ...).
 */
public record FileRef(String repository, String documentId, String xpath) {

    /** Longest document or repository name, and longest xpath. */
    private static final int MAX_NAME = 128;
    private static final int MAX_XPATH = 256;

    public static final String MAIN_BLOB = "file:content";

    public FileRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(xpath, "xpath");
        if (!isValidName(repository) || !isValidName(documentId) || !isValidXpath(xpath)) {
            throw new IllegalArgumentException("Not a blob reference: " + repository + "/" + documentId + "/" + xpath);
        }
    }

    /**
     * 1 to 128 of {@code [A-Za-z0-9._-]}. Checked on every WOPI request (its file id decodes into a
     * FileRef): a loop over the characters, where two regular expressions took 2% of a Lock's CPU time.
     */
    public static boolean isValidName(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isWordChar(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * A schema prefix, then property segments and list indexes, {@code files:files/3/file}: in
     * regular-expression terms {@code [A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*}, at
     * most 256 characters.
     */
    public static boolean isValidXpath(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_XPATH || !isLetter(s.charAt(0))) {
            return false;
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!isWordChar(c) && c != '-') {
                return false;
            }
        }
        // after the colon: non-empty runs of word characters, separated by single slashes
        boolean segmentEmpty = true;
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' && !segmentEmpty) {
                segmentEmpty = true;
            } else if (isWordChar(c)) {
                segmentEmpty = false;
            } else {
                return false;
            }
        }
        return !segmentEmpty;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /** The xpath of attachment {@code index} in the {@code files} schema. */
    public static String attachmentXpath(int index) {
        return "files:files/" + index + "/file";
    }
}
