package org.wopihost.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which blob a WOPI file id designates: a repository, a document in it and the xpath of a blob
 * property of that document ({@code file:content}, {@code files:files/0/file}, ...).
 */
public record FileRef(String repository, String documentId, String xpath) {

    /** A schema prefix, then property segments and list indexes: {@code files:files/3/file}. */
    private static final Pattern XPATH = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*:[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public static final String MAIN_BLOB = "file:content";

    public FileRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(xpath, "xpath");
        if (!isValidName(repository) || !isValidName(documentId) || !isValidXpath(xpath)) {
            throw new IllegalArgumentException("Not a blob reference: " + repository + "/" + documentId + "/" + xpath);
        }
    }

    public static boolean isValidName(String s) {
        return s != null && NAME.matcher(s).matches();
    }

    public static boolean isValidXpath(String s) {
        return s != null && s.length() <= 256 && XPATH.matcher(s).matches();
    }

    /** The xpath of attachment {@code index} in the {@code files} schema. */
    public static String attachmentXpath(int index) {
        return "files:files/" + index + "/file";
    }
}
