package org.wopihost.standalone.it;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.wopihost.testclient.WopiClient;

/**
 * Plays the WOPI client's side for tests: serves a discovery XML with proof keys from real RSA key
 * pairs, and signs requests exactly as Office does (token, upper-cased URL, .NET ticks).
 */
public final class FakeWopiClientServer implements AutoCloseable {

    /** .NET ticks at the Unix epoch. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private final HttpServer server;
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private volatile KeyPair current;
    private volatile KeyPair old;

    public FakeWopiClientServer() throws Exception {
        this.current = newKeyPair();
        this.old = newKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hosting/discovery", exchange -> {
            discoveryFetches.incrementAndGet();
            byte[] body = discoveryXml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public String discoveryUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hosting/discovery";
    }

    public String editorUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/we/wordeditorframe.aspx";
    }

    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    public KeyPair currentKey() {
        return current;
    }

    public KeyPair oldKey() {
        return old;
    }

    /** Rotates the keys as Office does: the current key becomes the old one. */
    public void rotate() throws GeneralSecurityException {
        old = current;
        current = newKeyPair();
    }

    /** Signs as Office does now, with the current key as X-WOPI-Proof and the old one as X-WOPI-ProofOld. */
    public WopiClient.Signer signer() {
        return (request, token, url) -> sign(request, token, url, current, old, Instant.now());
    }

    public static void sign(java.net.http.HttpRequest.Builder request, String token, String url, KeyPair proof,
            KeyPair proofOld, Instant when) {
        long ticks = EPOCH_TICKS + when.toEpochMilli() * 10_000;
        byte[] data = proofData(token, url, ticks);
        request.header("X-WOPI-TimeStamp", Long.toString(ticks));
        request.header("X-WOPI-Proof", signature(proof, data));
        if (proofOld != null) {
            request.header("X-WOPI-ProofOld", signature(proofOld, data));
        }
    }

    static byte[] proofData(String token, String url, long ticks) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + t.length + 4 + u.length + 4 + 8)
                .putInt(t.length).put(t).putInt(u.length).put(u).putInt(8).putLong(ticks).array();
    }

    static String signature(KeyPair key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key.getPrivate());
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discoveryXml() {
        String editor = editorUrl();
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<wopi-discovery>\n"
                + " <net-zone name=\"internal-http\">\n"
                + "  <app name=\"Word\" favIconUrl=\"http://127.0.0.1/wv/resources/1033/FavIcon_Word.ico\" checkLicense=\"true\">\n"
                + "   <action name=\"view\" ext=\"docx\" default=\"true\" urlsrc=\"" + editor.replace("wordeditorframe", "wordviewerframe")
                + "?&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;&lt;IsLicensedUser=BUSINESS_USER&amp;&gt;\"/>\n"
                + "   <action name=\"edit\" ext=\"docx\" requires=\"locks,update\" urlsrc=\"" + editor
                + "?&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;&lt;IsLicensedUser=BUSINESS_USER&amp;&gt;&lt;wopisrc=WOPI_SOURCE&amp;&gt;\"/>\n"
                + "   <action name=\"editnew\" ext=\"docx\" requires=\"locks,update\" urlsrc=\"" + editor
                + "?new=1&amp;&lt;ui=UI_LLCC&amp;&gt;\"/>\n"
                + "   <action name=\"view\" ext=\"doc\" urlsrc=\"" + editor.replace("wordeditorframe", "wordviewerframe")
                + "?&lt;ui=UI_LLCC&amp;&gt;\"/>\n"
                + "   <action name=\"convert\" ext=\"doc\" targetext=\"docx\" requires=\"update\" urlsrc=\""
                + editor.replace("wordeditorframe", "wordconvertframe") + "?&lt;ui=UI_LLCC&amp;&gt;\"/>\n"
                + "  </app>\n </net-zone>\n"
                + " <proof-key " + keyAttributes("", current) + " " + keyAttributes("old", old) + "/>\n"
                + "</wopi-discovery>\n";
    }

    private static String keyAttributes(String prefix, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return prefix + "modulus=\"" + unsigned(key.getModulus()) + "\" " + prefix + "exponent=\""
                + unsigned(key.getPublicExponent()) + "\"";
    }

    /** .NET publishes RSA numbers as big-endian unsigned bytes. */
    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
