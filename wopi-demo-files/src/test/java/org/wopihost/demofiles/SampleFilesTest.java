package org.wopihost.demofiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** Generated samples are real OOXML packages; none of this needs LibreOffice or Office. */
class SampleFilesTest {

    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String SHEET_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String SLIDES_MAIN =
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    @Test
    void wordDocumentHasTitleAndParagraphs() throws Exception {
        TrackingOutputStream out = new TrackingOutputStream();
        SampleFiles.writeWordDocument(out, "Quarterly report", List.of("First paragraph.", "Second one."));
        byte[] bytes = out.toByteArray();

        assertThat(out.closed).as("caller's stream left open").isFalse();
        assertZip(bytes);
        assertMainContentType(bytes, WORD_MAIN);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertThat(paragraphs).extracting(XWPFParagraph::getText)
                    .containsExactly("Quarterly report", "First paragraph.", "Second one.");
            assertThat(paragraphs.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(paragraphs.get(0).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(20.0);
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("Quarterly report");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("nuxeo-wopi");
        }
    }

    @Test
    void spreadsheetHasHeaderValuesAndSumRow() throws Exception {
        TrackingOutputStream out = new TrackingOutputStream();
        SampleFiles.writeSpreadsheet(out, "Budget", List.of("Item", "Q1", "Q2"), List.of(
                Arrays.asList("Rent", 1200, 1250.5),
                Arrays.asList("Travel", 300, 0),
                Arrays.asList("Software", 99.99, 120)));
        byte[] bytes = out.toByteArray();

        assertThat(out.closed).as("caller's stream left open").isFalse();
        assertZip(bytes);
        assertMainContentType(bytes, SHEET_MAIN);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = workbook.getSheet("Budget");
            assertThat(sheet).isNotNull();
            XSSFRow header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Item");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Q2");
            assertThat(workbook.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();

            XSSFRow rent = sheet.getRow(1);
            assertThat(rent.getCell(0).getStringCellValue()).isEqualTo("Rent");
            assertThat(rent.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rent.getCell(1).getNumericCellValue()).isEqualTo(1200.0);
            assertThat(rent.getCell(2).getNumericCellValue()).isEqualTo(1250.5);

            XSSFRow totals = sheet.getRow(4);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(1).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(totals.getCell(1).getCellFormula()).isEqualTo("SUM(B2:B4)");
            assertThat(totals.getCell(2).getCellFormula()).isEqualTo("SUM(C2:C4)");

            XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            assertThat(evaluator.evaluate(totals.getCell(1)).getNumberValue()).isCloseTo(1599.99, within());
            assertThat(evaluator.evaluate(totals.getCell(2)).getNumberValue()).isCloseTo(1370.5, within());
            assertThat(sheet.getColumnWidth(0)).as("autosized").isGreaterThan(0);
            assertThat(workbook.getProperties().getCoreProperties().getCreator()).isEqualTo("nuxeo-wopi");
        }
    }

    @Test
    void presentationHasTitleSlideAndOneSlidePerEntry() throws Exception {
        TrackingOutputStream out = new TrackingOutputStream();
        SampleFiles.writePresentation(out, "Roadmap", List.of("Goals", "Timeline"));
        byte[] bytes = out.toByteArray();

        assertThat(out.closed).as("caller's stream left open").isFalse();
        assertZip(bytes);
        assertMainContentType(bytes, SLIDES_MAIN);
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            List<XSLFSlide> slides = show.getSlides();
            assertThat(slides).hasSize(3);
            assertThat(slides).extracting(XSLFSlide::getTitle).containsExactly("Roadmap", "Goals", "Timeline");
            assertThat(slides.get(1).getPlaceholder(1).getTextParagraphs()).hasSize(2);
            assertThat(slides.get(1).getPlaceholder(1).getText()).contains("Generated by nuxeo-wopi");
            assertThat(show.getProperties().getCoreProperties().getTitle()).isEqualTo("Roadmap");
        }
    }

    private static void assertZip(byte[] bytes) {
        assertThat(bytes).hasSizeGreaterThan(4);
        assertThat(Arrays.copyOf(bytes, 4)).containsExactly('P', 'K', 3, 4);
    }

    private static void assertMainContentType(byte[] bytes, String expected) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            PackageRelationship main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                    .getRelationship(0);
            assertThat(main).isNotNull();
            assertThat(pkg.getPart(main).getContentType()).isEqualTo(expected);
            pkg.revert();
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static final class TrackingOutputStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
