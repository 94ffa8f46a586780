package dev.asyncplayground.scenario;

import dev.asyncplayground.scenario.Advice.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the statement tree from tokens: one statement per line, blocks by indentation.
 *
 * <p>After a syntax error the parser skips the rest of the line, still reads the block that line
 * would have opened (to find the errors in it), and goes on. Blocks nest at most
 * {@link ScenarioLimits#MAX_BLOCK_DEPTH} deep; deeper ones are reported and skipped without recursion.
 */
final class Parser {

    /** The statements read, and the names whose declarations could not be read. */
    record Result(List<Stmt> statements, Set<String> brokenNames) {}

    private final TokenCursor in;
    private final ExpressionParser expressions;
    private final StepParser steps;
    private final DeclarationParser declarations;
    private final Set<String> broken = new HashSet<>();
    private int depth;

    Parser(TokenCursor in, SourceText source, Diagnostics diagnostics) {
        this.in = in;
        this.expressions = new ExpressionParser(in, source, diagnostics);
        this.steps = new StepParser(in, expressions);
        this.declarations = new DeclarationParser(in, expressions, broken);
    }

    Result parse() {
        List<Stmt> statements = new ArrayList<>();
        while (!in.check(TokenType.EOF)) {
            statement(Context.TOP, statements);
        }
        return new Result(statements, broken);
    }

    private void statement(Context context, List<Stmt> out) {
        Token first = in.peek();
        int before = in.position();
        switch (first.type()) {
            case INDENT -> {
                in.report(first, "this line is indented more than the line above, but that line does not end"
                        + " with ':'");
                indented(context);
            }
            case DEDENT, NEWLINE -> in.advance();
            default -> parseStatement(first, context, out);
        }
        if (in.position() == before) {
            in.advance();
        }
    }

    private void parseStatement(Token first, Context context, List<Stmt> out) {
        String misplaced = Advice.misplaced(first, context);
        if (!misplaced.isEmpty()) {
            in.report(first, misplaced);
        }
        try {
            Stmt stmt = dispatch(first, context);
            if (misplaced.isEmpty()) {
                out.add(stmt);
            }
        } catch (TokenCursor.ParseError error) {
            recover(first.type(), context);
        }
    }

    private Stmt dispatch(Token first, Context context) {
        return switch (first.type()) {
            case PARAM, SHARED -> declarations.declaration();
            case TASK -> task();
            case FOR -> loop(context);
            case IF -> conditional(context);
            case LOCK -> lock();
            case TIMEOUT -> timeout();
            case WAIT, CPU, PRINT, UPDATE, AWAIT, FAIL -> steps.step();
            case ELSE -> throw in.error(first, "'else' must come right after the block of an 'if', at the same"
                    + " indentation as the 'if'");
            case IDENTIFIER -> {
                if (first.lexeme().equals(DeclarationParser.MEASURE) && in.peekNext().type() == TokenType.IDENTIFIER) {
                    yield measure(first, context);
                }
                throw in.error(first, Advice.unknownStatement(first.lexeme(),
                        in.peekNext().type() == TokenType.EQUAL, context));
            }
            case STRING -> throw in.error(first, context == Context.TASK
                    ? "a step starts with its keyword, like print " + first.lexeme()
                    : "a task line starts with the word task: write task " + first.lexeme() + ":");
            default -> throw in.error(first, "expected a statement, like "
                    + (context == Context.TASK ? "wait 1s" : "task \"hello\":") + ", but found "
                    + TokenCursor.describe(first));
        };
    }

    private void recover(TokenType failed, Context context) {
        in.skipLine();
        Context body = switch (failed) {
            case TASK, LOCK, TIMEOUT, STRING -> Context.TASK;
            case FOR, IF, ELSE -> inner(context);
            default -> context;
        };
        if (in.check(TokenType.INDENT)) {
            indented(body);
        }
        while (failed == TokenType.IF && in.check(TokenType.ELSE)) {
            in.skipLine();
            if (in.check(TokenType.INDENT)) {
                indented(body);
            }
        }
    }

    private Stmt measure(Token first, Context context) {
        if (context != Context.TOP) {
            throw in.error(first, "'measure' lines belong at the top level, not inside a block");
        }
        return declarations.measure();
    }

    private Stmt task() {
        Token keyword = in.advance();
        Template name = steps.quoted("a task's name goes", "task \"washer\":", false);
        List<Template> after = List.of();
        if (in.checkWord("after")) {
            in.advance();
            after = steps.taskNames("after");
        }
        colon(keyword);
        return new Stmt.Task(name, after, block(Context.TASK, keyword), Pos.of(keyword));
    }

    private Stmt loop(Context context) {
        Token keyword = in.advance();
        Token variable = in.expectName("expected a name after 'for', like for i in 1..10:");
        in.expect(TokenType.IN, "expected 'in' after 'for " + variable.lexeme() + "', like for "
                + variable.lexeme() + " in 1..10:");
        Expr first = expressions.expression();
        Stmt.Loop source = in.match(TokenType.DOT_DOT)
                ? new Stmt.Loop.Range(first, expressions.expression()) : new Stmt.Loop.Each(first);
        colon(keyword);
        return new Stmt.For(variable.lexeme(), source, block(inner(context), keyword), Pos.of(variable));
    }

    private Stmt conditional(Context context) {
        Token keyword = in.advance();
        List<Stmt.Branch> branches = new ArrayList<>();
        branches.add(branch(keyword, inner(context)));
        while (in.check(TokenType.ELSE)) {
            Token elseWord = in.advance();
            if (!in.match(TokenType.IF)) {
                colon(elseWord);
                return new Stmt.If(branches, block(inner(context), elseWord), Pos.of(keyword));
            }
            branches.add(branch(elseWord, inner(context)));
        }
        return new Stmt.If(branches, List.of(), Pos.of(keyword));
    }

    private Stmt.Branch branch(Token keyword, Context body) {
        Expr condition = expressions.expression();
        colon(keyword);
        return new Stmt.Branch(condition, block(body, keyword));
    }

    private Stmt lock() {
        Token keyword = in.advance();
        Template name = steps.quoted("a lock's name goes", "lock \"vault\":", false);
        colon(keyword);
        return new Stmt.Lock(name, block(Context.TASK, keyword), Pos.of(keyword));
    }

    private Stmt timeout() {
        Token keyword = in.advance();
        Expr limit = steps.duration(keyword);
        colon(keyword);
        return new Stmt.Timeout(limit, block(Context.TASK, keyword), Pos.of(keyword));
    }

    private void colon(Token keyword) {
        if (in.match(TokenType.COLON)) {
            if (!in.atLineEnd()) {
                throw in.error(in.peek(), "nothing may follow the ':' of '" + in.echo(keyword) + "'; put the"
                        + " body on the lines below, indented");
            }
            return;
        }
        String found = in.atLineEnd() ? "" : ", but found " + TokenCursor.describe(in.peek());
        throw in.error(in.peek(), "expected ':' at the end of '" + in.echo(keyword) + "'" + found);
    }

    private List<Stmt> block(Context context, Token keyword) {
        String header = in.echo(keyword);
        in.match(TokenType.NEWLINE);
        if (in.check(TokenType.INDENT)) {
            return indented(context);
        }
        in.report(in.peek(), "expected an indented block after '" + header + "' on line " + keyword.line());
        return List.of();
    }

    private List<Stmt> indented(Context context) {
        Token indent = in.advance();
        depth++;
        try {
            if (depth > ScenarioLimits.MAX_BLOCK_DEPTH) {
                in.report(indent, "blocks are nested more than " + ScenarioLimits.MAX_BLOCK_DEPTH
                        + " levels deep; the limit is " + ScenarioLimits.MAX_BLOCK_DEPTH);
                in.skipBlock();
                return List.of();
            }
            List<Stmt> body = new ArrayList<>();
            while (!in.check(TokenType.DEDENT) && !in.check(TokenType.EOF)) {
                statement(context, body);
            }
            in.match(TokenType.DEDENT);
            return body;
        } finally {
            depth--;
        }
    }

    private static Context inner(Context context) {
        return context == Context.TOP ? Context.GENERATOR : context;
    }
}
