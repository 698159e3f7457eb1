package org.openapheresis.server.system;

/** What the printed documents (labels, the patient sheet) share to write XHTML for the PDF engine. */
public final class Xhtml {

    private Xhtml() {
    }

    /** Text for XHTML: the five characters XML gives meaning escaped. */
    public static String text(String s) {
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
}
