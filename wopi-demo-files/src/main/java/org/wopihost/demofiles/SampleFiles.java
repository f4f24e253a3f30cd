package org.wopihost.demofiles;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Sample Office documents for seeding a standalone host. They are generated with Apache POI rather
 * than checked in as binaries so that they are real, valid OOXML packages that Office (and any WOPI
 * client) opens, while the repository stays free of opaque blobs.
 *
 * <p>Each method streams to the given {@link OutputStream} and never closes it.
 */
final class SampleFiles {

    static final String CREATOR = "nuxeo-wopi";

    private SampleFiles() {
    }

    /** Writes a .docx: a bold, large title paragraph followed by one paragraph per entry. */
    static void writeWordDocument(OutputStream out, String title, List<String> paragraphs)
            throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFRun titleRun = doc.createParagraph().createRun();
            titleRun.setBold(true);
            titleRun.setFontSize(20);
            titleRun.setText(title);
            for (String text : paragraphs) {
                XWPFParagraph paragraph = doc.createParagraph();
                paragraph.createRun().setText(text);
            }
            setCoreProperties(doc.getProperties(), title);
            doc.write(nonClosing(out));
        }
    }

    /**
     * Writes a .xlsx: a bold header row, the rows ({@link Number} values become numeric cells,
     * anything else text), then a SUM formula row under every column that holds only numbers.
     */
    static void writeSpreadsheet(OutputStream out, String sheetName, List<String> header,
            List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);

            XSSFRow headerRow = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                XSSFCell cell = headerRow.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
            }
            int columns = header.size();
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                columns = Math.max(columns, values.size());
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            if (!rows.isEmpty()) {
                XSSFRow totals = sheet.createRow(rows.size() + 1);
                boolean labelled = false;
                for (int c = 0; c < columns; c++) {
                    if (isNumericColumn(rows, c)) {
                        String col = CellReference.convertNumToColString(c);
                        XSSFCell cell = totals.createCell(c);
                        cell.setCellFormula("SUM(" + col + "2:" + col + (rows.size() + 1) + ")");
                        cell.setCellStyle(bold);
                    } else if (!labelled) {
                        XSSFCell cell = totals.createCell(c);
                        cell.setCellValue("Total");
                        cell.setCellStyle(bold);
                        labelled = true;
                    }
                }
                workbook.setForceFormulaRecalculation(true);
            }
            for (int c = 0; c < columns; c++) {
                sheet.autoSizeColumn(c);
            }
            setCoreProperties(workbook.getProperties(), sheetName);
            workbook.write(nonClosing(out));
        }
    }

    /**
     * Writes a .pptx from the default slide master: a title slide (title-only layout), then one
     * title-and-content slide per entry with a couple of bullets.
     */
    static void writePresentation(OutputStream out, String title, List<String> slideTitles)
            throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            XSLFSlideMaster master = show.getSlideMasters().get(0);
            XSLFSlideLayout titleOnly = master.getLayout(SlideLayout.TITLE_ONLY);
            XSLFSlideLayout titleAndContent = master.getLayout(SlideLayout.TITLE_AND_CONTENT);

            show.createSlide(titleOnly).getPlaceholder(0).setText(title);
            for (int i = 0; i < slideTitles.size(); i++) {
                XSLFSlide slide = show.createSlide(titleAndContent);
                slide.getPlaceholder(0).setText(slideTitles.get(i));
                XSLFTextShape body = slide.getPlaceholder(1);
                body.clearText();
                body.addNewTextParagraph().addNewTextRun()
                        .setText("Slide " + (i + 2) + " of " + (slideTitles.size() + 1));
                body.addNewTextParagraph().addNewTextRun().setText("Generated by " + CREATOR);
            }
            setCoreProperties(show.getProperties(), title);
            show.write(nonClosing(out));
        }
    }

    private static boolean isNumericColumn(List<List<Object>> rows, int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object value = column < row.size() ? row.get(column) : null;
            if (value == null) {
                continue;
            }
            if (!(value instanceof Number)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static void setCoreProperties(POIXMLProperties properties, String title) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(title);
        core.setCreator(CREATOR);
    }

    /** POI's write(out) should leave the stream open; this guarantees it does. */
    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
