package org.wopihost.proof;

/**
 * What a proof check needs from one incoming WOPI request.
 *
 * @param accessToken the access token exactly as it appears in the request's {@code access_token} query
 *                    parameter (Office signs that string; our tokens are URL-safe so decoded and raw agree)
 * @param url         the full URL Office called, scheme, host, path and query string included, as seen
 *                    from outside (behind a TLS-terminating proxy this is the public https URL)
 * @param timestamp   the {@code X-WOPI-TimeStamp} header (.NET ticks as decimal text)
 * @param proof       the {@code X-WOPI-Proof} header (base64 signature)
 * @param proofOld    the {@code X-WOPI-ProofOld} header (base64 signature), may be null
 */
public record ProofRequest(String accessToken, String url, String timestamp, String proof, String proofOld) {
}
