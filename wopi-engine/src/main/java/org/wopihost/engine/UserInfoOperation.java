package org.wopihost.engine;

import static org.wopihost.spi.Permission.VIEW;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.wopihost.spi.Users;

/** PutUserInfo: a short string the client keeps per user, returned as UserInfo in CheckFileInfo. */
final class UserInfoOperation {

    /** The spec bounds UserInfo at 1024 characters; a UTF-8 body of at most 4 bytes a character. */
    static final int MAX_CHARS = 1024;

    private UserInfoOperation() {
    }

    static Operation operation(Users users) {
        return Operation.of(VIEW, (file, request) -> {
            if (request.contentLength() > MAX_CHARS * 4) {
                throw tooLong(); // refused unread
            }
            byte[] bytes;
            try (InputStream body = ClientBody.open(request)) {
                bytes = body.readNBytes(MAX_CHARS * 4 + 1);
            }
            String info = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length > MAX_CHARS * 4 || info.length() > MAX_CHARS) {
                throw tooLong();
            }
            users.putUserInfo(file.user().id(), info);
            return WopiResponse.ok();
        });
    }

    private static WopiException tooLong() {
        return WopiException.badRequest("UserInfo is longer than " + MAX_CHARS + " characters");
    }

}
