package dev.asyncplayground.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses the one-line steps of a task: wait, cpu, print, update, await and fail. */
final class StepParser {

    private final TokenCursor in;
    private final ExpressionParser expressions;

    StepParser(TokenCursor in, ExpressionParser expressions) {
        this.in = in;
        this.expressions = expressions;
    }

    /** Parses the step whose keyword is the next token, up to and including the end of its line. */
    Stmt step() {
        Token keyword = in.advance();
        Pos pos = Pos.of(keyword);
        Stmt step = switch (keyword.type()) {
            case WAIT -> new Stmt.Wait(duration(keyword), label(keyword), pos);
            case CPU -> new Stmt.Cpu(duration(keyword), label(keyword), pos);
            case PRINT -> new Stmt.Print(quoted("the text of 'print' goes", "print \"{i}\"", true), pos);
            case FAIL -> new Stmt.Fail(quoted("the message of 'fail' goes", "fail \"server error\"", true), pos);
            case UPDATE -> update(keyword);
            case AWAIT -> new Stmt.Await(taskNames("await"), pos);
            default -> throw new IllegalArgumentException("not a one-line step: " + keyword.type());
        };
        in.endOfLine(keyword);
        return step;
    }

    /** Reads the duration after {@code wait}, {@code cpu} or {@code timeout}, explaining if there is none. */
    Expr duration(Token keyword) {
        if (in.atLineEnd() || in.check(TokenType.COLON)) {
            throw in.error(in.peek(), "'" + keyword.lexeme() + "' needs a duration with a unit, like 100ms, 1s or"
                    + " 2min");
        }
        return expressions.expression();
    }

    private Template label(Token keyword) {
        if (in.check(TokenType.STRING)) {
            return expressions.template(in.advance());
        }
        if (!in.atLineEnd()) {
            throw in.error(in.peek(), "expected a label in quotes or the end of the line after '"
                    + in.echo(keyword) + "', but found " + TokenCursor.describe(in.peek()) + "; a label looks like "
                    + keyword.lexeme() + " 1s \"nap\"");
        }
        return Template.empty(Pos.of(in.peek()));
    }

    private Stmt update(Token keyword) {
        Token name = in.expectName("'update' needs the name of a shared value, like update balance by 10");
        if (!in.checkWord("by")) {
            throw in.error(in.peek(), "expected 'by' after 'update " + name.lexeme() + "', like update "
                    + name.lexeme() + " by 10");
        }
        in.advance();
        Expr delta = expressions.expression();
        Expr think = new Expr.Literal(new Value.Dur(Duration.ZERO), Pos.of(in.peek()));
        if (in.checkWord("thinking")) {
            in.advance();
            think = expressions.expression();
        }
        return new Stmt.Update(name.lexeme(), Pos.of(name), delta, think, Pos.of(keyword));
    }

    /** Reads one or more task names in quotes, separated by commas. */
    List<Template> taskNames(String keyword) {
        List<Template> names = new ArrayList<>();
        do {
            names.add(quoted("a task's name goes", keyword + " \"washer\"", false));
        } while (in.match(TokenType.COMMA));
        return names;
    }

    /** Reads a string; if something else stands there, explains that {@code what} in quotes. */
    Template quoted(String what, String example, boolean valueHint) {
        Token token = in.peek();
        if (token.type() == TokenType.STRING) {
            return expressions.template(in.advance());
        }
        if (token.type() == TokenType.IDENTIFIER || token.type() == TokenType.INT) {
            boolean name = valueHint && token.type() == TokenType.IDENTIFIER;
            throw in.error(token, what + " in quotes: write \"" + token.lexeme() + "\""
                    + (name ? ", or \"{" + token.lexeme() + "}\" for its value" : ""));
        }
        throw in.error(token, what + " in quotes, like " + example + ", but found " + TokenCursor.describe(token));
    }
}
