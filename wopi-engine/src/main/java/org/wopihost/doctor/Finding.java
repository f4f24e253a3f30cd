package org.wopihost.doctor;

/**
 * What one check of {@link WopiDoctor} found: its verdict, what it saw, and, unless it passed, how to fix it.
 */
public record Finding(String check, Verdict verdict, String detail, String fix) {

    public enum Verdict {
        OK, WARN, FAIL
    }

    static Finding ok(String check, String detail) {
        return new Finding(check, Verdict.OK, detail, "");
    }

    static Finding warn(String check, String detail, String fix) {
        return new Finding(check, Verdict.WARN, detail, fix);
    }

    static Finding fail(String check, String detail, String fix) {
        return new Finding(check, Verdict.FAIL, detail, fix);
    }

    /** One line, as the doctor command prints it. */
    @Override
    public String toString() {
        return verdict + " " + check + ": " + detail + (fix.isEmpty() ? "" : "\n     fix: " + fix);
    }
}
