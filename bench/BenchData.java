import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

import org.wopihost.engine.FileIdCodec;
import org.wopihost.spi.FileRef;
import org.wopihost.spi.Permission;
import org.wopihost.standalone.DataFolder;
import org.wopihost.standalone.StandaloneHost;
import org.wopihost.standalone.store.Documents;

/**
 * Bench-only helper, run from source against the packaged jar ({@code java -cp jar BenchData.java}):
 * {@code seed DATA TEMPLATE_DOC COUNT} adds COUNT documents in a few SQL statements, each a copy of
 * TEMPLATE_DOC's rows sharing its blob (the {@code import} command takes a second per document);
 * {@code urls DATA URL PREFIX COUNT} prints a WOPI URL with an edit token for alice for each of the
 * first COUNT documents whose title starts with PREFIX.
 */
public final class BenchData {

    public static void main(String[] args) throws Exception {
        DataFolder data = new DataFolder(Path.of(args[1]));
        if (args[0].equals("seed")) {
            seed(data, args[2], Integer.parseInt(args[3]));
        } else {
            urls(data, args[2], args[3], Integer.parseInt(args[4]));
        }
    }

    /** Rows per statement: the server runs them, and a 64 MB heap holds a few thousand at once. */
    private static final int CHUNK = 5000;

    private static void seed(DataFolder data, String template, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(data.h2Url(), "wopi", data.databasePassword());
                Statement s = c.createStatement()) {
            for (int from = 1; from <= count; from += CHUNK) {
                int to = Math.min(count, from + CHUNK - 1);
                s.execute("DROP TABLE IF EXISTS bench_ids");
                s.execute("CREATE LOCAL TEMPORARY TABLE bench_ids AS SELECT CAST(RANDOM_UUID() AS VARCHAR(64)) id, r.X n"
                        + " FROM SYSTEM_RANGE(" + from + ", " + to + ") r");
                s.execute("INSERT INTO wopi_documents (id, title, owner_id, created_at) SELECT b.id, 'bench-' || b.n,"
                        + " d.owner_id, d.created_at FROM bench_ids b, wopi_documents d WHERE d.id = '" + template + "'");
                s.execute("INSERT INTO wopi_acl (doc_id, principal, permission) SELECT b.id, a.principal, a.permission"
                        + " FROM bench_ids b, wopi_acl a WHERE a.doc_id = '" + template + "'");
                s.execute("INSERT INTO wopi_blobs (doc_id, xpath, file_name, current_version) SELECT b.id, x.xpath,"
                        + " x.file_name, x.current_version FROM bench_ids b, wopi_blobs x WHERE x.doc_id = '" + template + "'");
                s.execute("INSERT INTO wopi_versions (doc_id, xpath, version, blob_key, size, modified_at, modified_by)"
                        + " SELECT b.id, v.xpath, v.version, v.blob_key, v.size, v.modified_at, v.modified_by"
                        + " FROM bench_ids b, wopi_versions v WHERE v.doc_id = '" + template + "'");
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM wopi_documents")) {
                r.next();
                System.out.println(r.getLong(1));
            }
        }
    }

    private static void urls(DataFolder data, String url, String prefix, int count) throws Exception {
        try (StandaloneHost host = StandaloneHost.open(data, Map.of(), url, Clock.systemUTC());
                Connection c = DriverManager.getConnection(data.h2Url(), "wopi", data.databasePassword());
                PreparedStatement s = c.prepareStatement("SELECT id FROM wopi_documents WHERE title LIKE ? ORDER BY title LIMIT ?")) {
            s.setString(1, prefix + "%");
            s.setInt(2, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String fileId = FileIdCodec.encode(new FileRef(Documents.REPOSITORY, r.getString(1), FileRef.MAIN_BLOB));
                    String token = host.platform().tokens().issue("alice", fileId, Permission.EDIT).token();
                    System.out.println(host.settings().wopiSrc(fileId) + "?access_token=" + token);
                }
            }
        }
    }
}
