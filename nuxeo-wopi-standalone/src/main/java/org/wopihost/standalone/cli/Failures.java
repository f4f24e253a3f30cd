package org.wopihost.standalone.cli;

import java.io.FileNotFoundException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

import org.wopihost.standalone.StandaloneConfig;

/**
 * A failure of the server or a command, told as one line that names its cause and the fix: the
 * user sees this, not a bare path or a Java class name.
 */
public final class Failures {

    private Failures() {
    }

    public static String explain(Throwable failure) {
        if (failure instanceof Cli.Failure) {
            return failure.getMessage();
        }
        BindException bind = cause(failure, BindException.class);
        if (bind != null) {
            return failure.getMessage() + ": " + bind.getMessage() + ". Another program (perhaps a host started"
                    + " earlier) listens there: stop it, or choose another port (--port 8091, or --port 0 for any free port)";
        }
        if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException
                || failure instanceof FileSystemException fs && "Not a directory".equals(fs.getReason())) {
            return ((FileSystemException) failure).getFile() + " is a file, not a folder: --data names a folder"
                    + " (the server makes it on first start); choose another path or move the file away";
        }
        if (failure instanceof AccessDeniedException || failure instanceof FileSystemException fs && deniedReason(fs)) {
            FileSystemException fs = (FileSystemException) failure;
            return "Cannot write " + fs.getFile() + (fs.getReason() == null ? "" : " (" + fs.getReason() + ")")
                    + ": user " + System.getProperty("user.name") + " may not write there. Run as the folder's owner,"
                    + " give this user write permission on it, or choose another folder with --data";
        }
        if (failure instanceof NoSuchFileException missing) {
            return "No such file or folder: " + missing.getFile() + ". Check the path, and that its parent folder exists";
        }
        if (failure instanceof IllegalArgumentException && failure.getMessage() != null) {
            String message = failure.getMessage();
            if (message.startsWith("The JWT secret")) {
                return message + ": set nuxeo.jwt.secret to a long random value (openssl rand -base64 64), or leave it"
                        + " out and the host keeps a generated one in the data folder";
            }
            if (StandaloneConfig.KEYS.stream().anyMatch(message::startsWith)) {
                return message + ": fix that line of the --config file";
            }
        }
        if (failure instanceof FileNotFoundException || failure instanceof IllegalStateException
                || failure instanceof IllegalArgumentException) {
            return failure.getMessage(); // ours: they name the cause and the fix already
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with -Dwopi.debug=true for the stack trace)";
    }

    private static boolean deniedReason(FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
        return reason.contains("not permitted") || reason.contains("permission denied") || reason.contains("read-only");
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
