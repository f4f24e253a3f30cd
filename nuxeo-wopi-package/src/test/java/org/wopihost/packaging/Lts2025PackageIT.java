package org.wopihost.packaging;

/** The package for Nuxeo LTS 2025: Jakarta servlet API, every 2025.x release. */
class Lts2025PackageIT extends MarketplacePackageChecks {

    Lts2025PackageIT() {
        super("lts2025", "wopihost-nuxeo", "[2025.0,2026)", "jakarta/servlet", "javax/servlet");
    }
}
