package org.wopihost.engine;

/** Names of the WOPI HTTP headers the engine reads or writes. */
public final class WopiHeaders {
    public static final String OVERRIDE = "X-WOPI-Override";
    public static final String LOCK = "X-WOPI-Lock";
    public static final String OLD_LOCK = "X-WOPI-OldLock";
    public static final String LOCK_FAILURE_REASON = "X-WOPI-LockFailureReason";
    public static final String ITEM_VERSION = "X-WOPI-ItemVersion";
    public static final String MAX_EXPECTED_SIZE = "X-WOPI-MaxExpectedSize";
    public static final String SUGGESTED_TARGET = "X-WOPI-SuggestedTarget";
    public static final String RELATIVE_TARGET = "X-WOPI-RelativeTarget";
    public static final String OVERWRITE_RELATIVE_TARGET = "X-WOPI-OverwriteRelativeTarget";
    public static final String VALID_RELATIVE_TARGET = "X-WOPI-ValidRelativeTarget";
    public static final String SIZE = "X-WOPI-Size";
    public static final String REQUESTED_NAME = "X-WOPI-RequestedName";
    public static final String INVALID_FILE_NAME_ERROR = "X-WOPI-InvalidFileNameError";
    public static final String URL_TYPE = "X-WOPI-UrlType";
    public static final String PROOF = "X-WOPI-Proof";
    public static final String PROOF_OLD = "X-WOPI-ProofOld";
    public static final String TIMESTAMP = "X-WOPI-TimeStamp";

    private WopiHeaders() {
    }
}
