package org.wopihost.engine;

import java.io.IOException;

import org.wopihost.spi.Permission;

/** One WOPI operation on an authenticated file. */
interface Operation {

    /** The permission the request's token and the user's ACL must both grant. */
    Permission required();

    WopiResponse execute(FileContext file, WopiRequest request) throws WopiException, IOException;

    /** The body of an operation, for {@link #of}. */
    @FunctionalInterface
    interface Handler {
        WopiResponse execute(FileContext file, WopiRequest request) throws WopiException, IOException;
    }

    static Operation of(Permission required, Handler handler) {
        return new Operation() {
            @Override
            public Permission required() {
                return required;
            }

            @Override
            public WopiResponse execute(FileContext file, WopiRequest request) throws WopiException, IOException {
                return handler.execute(file, request);
            }
        };
    }
}
