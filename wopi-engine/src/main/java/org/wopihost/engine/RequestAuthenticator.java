package org.wopihost.engine;

import org.wopihost.spi.AccessToken;
import org.wopihost.spi.FileAccess;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.InvalidTokenException;
import org.wopihost.spi.Permission;
import org.wopihost.spi.UserAccess;
import org.wopihost.spi.WopiPlatform;
import org.wopihost.spi.WopiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request into a {@link FileContext}, or refuses it. The token is checked before the file
 * id is even decoded, and a token only ever opens the one file id it was issued for.
 */
final class RequestAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthenticator.class);

    private final WopiPlatform platform;

    RequestAuthenticator(WopiPlatform platform) {
        this.platform = platform;
    }

    FileContext authenticate(WopiRequest request) throws WopiException {
        AccessToken token;
        try {
            token = platform.tokens().verify(request.accessToken());
        } catch (InvalidTokenException e) {
            LOG.debug("401 on {}: {}", request.fileId(), e.getMessage());
            throw WopiException.unauthorized("Invalid access token");
        }
        if (!token.fileId().equals(request.fileId())) {
            LOG.warn("401: a token of user {} issued for file {} was used on file {}", token.userId(), token.fileId(),
                    request.fileId());
            throw WopiException.unauthorized("The access token was not issued for this file");
        }
        FileRef ref = FileIdCodec.decode(request.fileId())
                .orElseThrow(() -> WopiException.notFound("Malformed file id"));
        // One lookup for the user, the ACL and the metadata: every later step uses what it found.
        UserAccess found = platform.permissions().access(platform.users(), token.userId(), ref)
                .orElseThrow(() -> WopiException.unauthorized("The token's user no longer exists"));
        WopiUser user = found.user();
        FileAccess access = found.access().orElseThrow(() -> WopiException.notFound("Unknown file or no access"));
        Permission effective = token.permission() == Permission.EDIT && access.permission() == Permission.EDIT
                ? Permission.EDIT
                : Permission.VIEW;
        return new FileContext(request.fileId(), ref, token, user, effective, access.permission(), access.info(),
                access.mayCreateSibling());
    }
}
