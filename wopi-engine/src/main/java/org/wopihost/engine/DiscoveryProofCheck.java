package org.wopihost.engine;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wopihost.discovery.DiscoveryClient;
import org.wopihost.discovery.DiscoveryUnavailableException;
import org.wopihost.proof.ProofKeyVerifier;
import org.wopihost.proof.ProofKeys;
import org.wopihost.proof.ProofRequest;
import org.wopihost.proof.ProofResult;

/**
 * Checks X-WOPI-Proof against the proof keys the WOPI client publishes in its discovery. When the
 * discovery publishes no key, requests pass (there is nothing to check against); when it does,
 * every request must be signed. A failed check refreshes discovery once (rate limited) and tries
 * again, since the client may have rotated its keys; a pass through the old key refreshes it in
 * the background. Anything else is refused with 500, as Microsoft asks.
 */
final class DiscoveryProofCheck implements ProofCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryProofCheck.class);

    private final DiscoveryClient discovery;
    private final ProofKeyVerifier verifier;
    private final Executor background;

    DiscoveryProofCheck(DiscoveryClient discovery, ProofKeyVerifier verifier, Executor background) {
        this.discovery = discovery;
        this.verifier = verifier;
        this.background = background;
    }

    @Override
    public void check(WopiRequest request) throws WopiException {
        ProofRequest proof = new ProofRequest(request.accessToken(), request.url(),
                request.header(WopiHeaders.TIMESTAMP).orElse(null), request.header(WopiHeaders.PROOF).orElse(null),
                request.header(WopiHeaders.PROOF_OLD).orElse(null));
        ProofResult result = verifier.verify(keys(), proof);
        if (result.status() == ProofResult.Status.NOT_CONFIGURED) {
            return;
        }
        if (result.status() == ProofResult.Status.INVALID && discovery.refreshAfterProofFailure()) {
            result = verifier.verify(keys(), proof);
        } else if (result.status() == ProofResult.Status.VALID_WITH_OLD_KEY) {
            background.execute(discovery::refreshAfterProofFailure);
        }
        if (!result.isAccepted()) {
            LOG.warn("Proof-key check failed for {}: {} ({})", request.url().replaceAll("access_token=[^&]*", "access_token=***"),
                    result.status(), result.reason());
            throw new WopiException(500, "Proof-key check failed: " + result.reason());
        }
    }

    /** The published keys; without a discovery document we cannot vouch for any request. */
    private ProofKeys keys() throws WopiException {
        try {
            return discovery.current().proofKeys();
        } catch (DiscoveryUnavailableException e) {
            throw new WopiException(500, "No WOPI discovery to check proof keys against: " + e.getMessage());
        }
    }
}
