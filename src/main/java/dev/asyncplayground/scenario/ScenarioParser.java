package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The front door of the scenario language: turns text into a checked {@link ScenarioDefinition}
 * or into every problem found, each with its line and column.
 *
 * <p>Parsing never throws, never hangs and uses memory in proportion to the text, which is
 * limited to {@link ScenarioLimits#MAX_TEXT_BYTES}. Line endings may be LF, CRLF or CR; a leading
 * byte-order mark is ignored.
 */
public final class ScenarioParser {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ScenarioParser() {
    }

    /** Parses and checks a scenario; the result holds either the scenario or the diagnostics. */
    public static ParseResult parse(String text) {
        try {
            return parseChecked(text == null ? "" : text);
        } catch (RuntimeException bug) {
            return new ParseResult(null, List.of(new Diagnostic(1, 1, "internal error in the scenario parser ("
                    + bug + "); please report this scenario")));
        }
    }

    private static ParseResult parseChecked(String source) {
        long bytes = utf8Length(source);
        if (bytes > ScenarioLimits.MAX_TEXT_BYTES) {
            long kib = (bytes + 1023) / 1024;
            return new ParseResult(null, List.of(new Diagnostic(1, 1, "scenario text is " + kib
                    + " KiB; the limit is " + ScenarioLimits.MAX_TEXT_BYTES / 1024 + " KiB")));
        }
        String normalized = source.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith(BYTE_ORDER_MARK)) {
            normalized = normalized.substring(1);
        }
        Diagnostics diagnostics = new Diagnostics();
        List<Token> tokens = new Scanner(normalized, diagnostics).scanProgram();
        SourceText lines = new SourceText(normalized);
        Parser.Result parsed = new Parser(new TokenCursor(tokens, lines, diagnostics), lines, diagnostics).parse();
        new Checker(diagnostics, parsed.brokenNames()).check(parsed.statements(), diagnostics.isEmpty());
        if (!diagnostics.isEmpty()) {
            return new ParseResult(null, diagnostics.report());
        }
        List<Param> params = new ArrayList<>();
        for (Stmt stmt : parsed.statements()) {
            if (stmt instanceof Stmt.ParamDecl declaration) {
                params.add(declaration.param());
            }
        }
        return new ParseResult(new ScenarioDefinition(params, parsed.statements()), List.of());
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
