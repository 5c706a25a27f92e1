/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.testkit.sql;

/** One lexical token of a Spark SQL statement. {@code text} is the raw source text. */
record SqlToken(Kind kind, String text) {

    enum Kind {
        WORD, BACKTICK_IDENT, STRING, HEX_STRING, NUMBER, SYMBOL, WHITESPACE, COMMENT, PARAMETER
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.BACKTICK_IDENT;
    }

    boolean isTrivia() {
        return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }

    /** The identifier's name without quoting. */
    String identifierName() {
        if (kind == Kind.BACKTICK_IDENT) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }
}
