package org.wopihost.packaging;

/** The package for Nuxeo LTS 2023: the javax variants (classifier lts2023) of the servlet jars, every 2023.x release. */
class Lts2023PackageIT extends MarketplacePackageChecks {

    Lts2023PackageIT() {
        super(System.getProperty("lts2023.classifier"), "wopihost-nuxeo-lts2023", "[2023.0,2024)", "javax/servlet",
                "jakarta/servlet");
    }
}
