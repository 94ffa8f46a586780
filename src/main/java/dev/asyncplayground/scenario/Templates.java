package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;

/** Parses strings into templates: text, and an expression for every pair of braces. */
final class Templates {

    private Templates() {
    }

    /** The template of a STRING token; an expression that cannot be read is reported and left empty. */
    static Template parse(Token string, SourceText source, Diagnostics diagnostics) {
        List<Template.Part> parts = new ArrayList<>();
        for (Chunk chunk : string.chunks()) {
            parts.add(switch (chunk) {
                case Chunk.Literal literal -> new Template.Part.Text(literal.text());
                case Chunk.Code code -> new Template.Part.Hole(hole(code, source, diagnostics));
            });
        }
        return new Template(parts, Pos.of(string));
    }

    private static Expr hole(Chunk.Code code, SourceText source, Diagnostics diagnostics) {
        List<Token> tokens = new Scanner(code.source(), code.line(), code.column(), diagnostics).scanInline();
        TokenCursor cursor = new TokenCursor(tokens, source, diagnostics);
        try {
            Expr expr = new ExpressionParser(cursor, source, diagnostics).expression();
            if (!cursor.check(TokenType.EOF)) {
                throw cursor.error(cursor.peek(), "expected the closing '}' after the value, but found "
                        + TokenCursor.describe(cursor.peek()) + "; put one value or expression between { and }");
            }
            return expr;
        } catch (TokenCursor.ParseError error) {
            return new Expr.Literal(new Value.Text(""), new Pos(code.line(), code.column()));
        }
    }
}
