package io.github.cameldatabricks.component.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a statement only reads, so that running it twice is harmless (the retry loop may then retry even an
 * ambiguous failure). Conservative: anything it cannot tell is a write.
 */
public final class StatementKind {

    private static final Set<String> READ_KEYWORDS = Set.of("SELECT", "SHOW", "DESCRIBE", "DESC", "EXPLAIN",
            "VALUES", "LIST", "TABLE");
    private static final Pattern WRITE_WORD = Pattern.compile(
            "\\b(INSERT|MERGE|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|COPY|OPTIMIZE|VACUUM|REPLACE|GRANT|REVOKE)\\b",
            Pattern.CASE_INSENSITIVE);

    private StatementKind() {
    }

    /** True if the statement certainly only reads. */
    public static boolean isReadOnly(String sql) {
        if (sql == null) {
            return false;
        }
        // keywords count only in code: not in literals, quoted identifiers or comments
        String code = SqlScanner.codeOnly(sql);
        int start = 0;
        while (start < code.length() && (Character.isWhitespace(code.charAt(start)) || code.charAt(start) == '(')) {
            start++;
        }
        String text = code.substring(start);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String first = text.substring(0, end).toUpperCase(Locale.ROOT);
        if (READ_KEYWORDS.contains(first)) {
            // SELECT ... INTO or a SELECT that calls a writing function is not a thing in Databricks SQL
            return true;
        }
        // WITH ... INSERT INTO is a write; a WITH without any writing keyword is a query
        return first.equals("WITH") && !WRITE_WORD.matcher(text).find();
    }
}
