package org.wopihost.platform;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.nuxeo.connect.update.PackageType;
import org.nuxeo.connect.update.util.PackageBuilder;

/**
 * A stand-in for Nuxeo's own WOPI add-on package, {@code nuxeo-wopi}, whose zip is not public: its
 * manifest as Nuxeo 2023 builds it (packages/nuxeo-wopi-package: target platform {@code lts}, exactly
 * the server's version, no conflict declared) written by Nuxeo's own PackageBuilder, and one bundle.
 */
final class NuxeoWopiPackage {

    static final String NAME = "nuxeo-wopi";

    static final String BUNDLE = "nuxeo-wopi-";

    private NuxeoWopiPackage() {
    }

    /** The package of Nuxeo {@code platformVersion}, with its bundle nuxeo-wopi-{platformVersion}.jar. */
    static Path build(Path dir, String platformVersion) throws IOException {
        PackageBuilder builder = new PackageBuilder().name(NAME).version(platformVersion).type(PackageType.ADDON)
                                                     .title("Nuxeo Office Online Integration").vendor("Nuxeo")
                                                     .platformName("lts").platformRange(platformVersion);
        String bundle = "install/bundles/" + BUNDLE + platformVersion + ".jar";
        Path zip = dir.resolve(NAME + "-" + platformVersion + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "package.xml", builder.buildManifest().getBytes(UTF_8));
            put(out, "install.xml", ("<install>\n  <update file=\"${package.root}/install/bundles\" todir=\"${env.bundles}\"/>\n"
                    + "</install>\n").getBytes(UTF_8));
            put(out, bundle, emptyJar());
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static byte[] emptyJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            put(jar, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBundle-SymbolicName: org.nuxeo.wopi\n".getBytes(UTF_8));
        }
        return bytes.toByteArray();
    }
}
