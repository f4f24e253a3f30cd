package org.wopihost.web;

/** Escaping for HTML text and attribute values, and JSON for scripts (the web layer has no templating library). */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A JSON object of strings, safe inside a {@code <script>} element: no {@code <} is left to close it. */
    static String jsonObject(java.util.Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        for (java.util.Map.Entry<String, String> f : fields.entrySet()) {
            b.append(b.length() > 1 ? "," : "").append(jsonString(f.getKey())).append(':').append(jsonString(f.getValue()));
        }
        return b.append('}').toString();
    }

    /** A JSON string literal, with {@code <}, {@code >} and {@code &} escaped too for use in HTML. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
