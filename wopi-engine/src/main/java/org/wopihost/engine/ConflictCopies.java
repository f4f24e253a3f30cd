package org.wopihost.engine;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.spi.FileInfo;
import org.wopihost.spi.SaveFailedException;
import org.wopihost.spi.WriteRefusedException;

/**
 * The conflict safety net: a save refused or failed once its content is in is kept by the store as a
 * new file beside the original; this names that copy, and tells the client (headers and a JSON body a
 * host page or the client can show) and the log where it is.
 */
final class ConflictCopies {

    /** The name of the copy that keeps a refused save's content. */
    static final String NAME_HEADER = "X-WOPIHost-ConflictCopy";
    /** Its view host page, when the host serves host pages. */
    static final String URL_HEADER = "X-WOPIHost-ConflictCopyUrl";

    private static final Logger LOG = LoggerFactory.getLogger(ConflictCopies.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm")
            .withZone(ZoneOffset.UTC);

    private final HostLinks links;
    private final boolean hostPages;
    private final Clock clock;

    ConflictCopies(HostLinks links, boolean hostPages, Clock clock) {
        this.links = links;
        this.hostPages = hostPages;
        this.clock = clock;
    }

    /** {@code "Report (conflict, alice, 2026-11-30 10-15).docx"}: the file, who saved, when (UTC). */
    String name(FileContext file) {
        String suffix = " (conflict, " + file.user().id() + ", " + MINUTE.format(clock.instant()) + ")";
        return FileNames.sanitize(FileNames.suffixed(file.info().fileName(), suffix), "Untitled");
    }

    /** The 409 for a save refused after its upload: a lock mismatch, or Collabora's 1010 when the file changed. */
    WopiException refused(FileContext file, WriteRefusedException e) {
        WopiException answer = WopiException.lockMismatch(e.currentLock(), e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        if (e instanceof CollaboraSaveRules.FileChangedException) {
            body.put("COOLStatusCode", CollaboraSaveRules.DOC_CHANGED);
        }
        e.conflictCopy().ifPresent(copy -> tell(file, copy, e.getMessage(), answer, body));
        return body.isEmpty() ? answer : answer.withBody(body);
    }

    /** The 500 for a save the store failed to make current, whose content it kept. */
    WopiException failed(FileContext file, SaveFailedException e) {
        WopiException answer = new WopiException(500, e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        tell(file, e.conflictCopy(), String.valueOf(e.getCause()), answer, body);
        return answer.withBody(body);
    }

    private void tell(FileContext file, FileInfo copy, String reason, WopiException answer, Map<String, Object> body) {
        String copyId = FileIdCodec.encode(copy.ref());
        LOG.warn("A save of {} by {} was not made ({}); its content is kept as \"{}\" ({})", file.fileId(),
                file.user().id(), reason, copy.fileName(), copyId);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("BaseFileName", copy.fileName());
        answer.with(NAME_HEADER, FileNames.encodeUtf7(copy.fileName()));
        if (hostPages) {
            String url = links.hostPage("view", copyId);
            kept.put("HostViewUrl", url);
            answer.with(URL_HEADER, url);
        }
        body.put("ConflictCopy", kept);
    }
}
