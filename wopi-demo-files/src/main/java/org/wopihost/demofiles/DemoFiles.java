package org.wopihost.demofiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Word, Excel and PowerPoint files the standalone host seeds a new data folder with, generated
 * at build time (Maven's process-classes phase runs {@link #main}) into this module's jar, so that the
 * host ships their bytes and not the library that makes them.
 */
public final class DemoFiles {

    /** Where in the jar the files are, by file name (the standalone host's Seeder reads them there). */
    static final String RESOURCE_FOLDER = "org/wopihost/demofiles/";

    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private DemoFiles() {
    }

    /** Every file, by name, in the order the seeder uses them. */
    private static Map<String, Content> files() {
        Map<String, Content> files = new LinkedHashMap<>();
        files.put("Quarterly Report.docx", out -> SampleFiles.writeWordDocument(out, "Quarterly Report",
                List.of("Revenue grew in every region this quarter.",
                        "Edit this document in Office for the web: every save becomes a new version.")));
        files.put("Budget 2027.xlsx", out -> SampleFiles.writeSpreadsheet(out, "Budget", List.of("Item", "Q1", "Q2"),
                List.of(List.of("Salaries", 120000, 125000), List.of("Hardware", 15000, 9000),
                        List.of("Travel", 4000, 5500))));
        files.put("Product Roadmap.pptx", out -> SampleFiles.writePresentation(out, "Product Roadmap",
                List.of("Goals", "Timeline", "Risks")));
        files.put("Project Brief.docx", out -> SampleFiles.writeWordDocument(out, "Project Brief",
                List.of("Scope, team and milestones of the project.",
                        "The figures and the kickoff slides are attached to this document.")));
        files.put("Figures.xlsx", out -> SampleFiles.writeSpreadsheet(out, "Figures", List.of("Milestone", "Days"),
                List.of(List.of("Design", 10), List.of("Build", 30))));
        files.put("Kickoff.pptx", out -> SampleFiles.writePresentation(out, "Kickoff", List.of("Team", "Plan")));
        return files;
    }

    /** Writes every file into {@code args[0]} (the classes folder), under {@link #RESOURCE_FOLDER}. */
    public static void main(String[] args) throws IOException {
        Path folder = Files.createDirectories(Path.of(args[0]).resolve(RESOURCE_FOLDER));
        for (Map.Entry<String, Content> file : files().entrySet()) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(file.getKey()))) {
                file.getValue().writeTo(out);
            }
        }
    }
}
