package dev.asyncplayground.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses expressions by recursive descent; strings inside them become templates.
 *
 * <p>Precedence, loosest first: {@code or}, {@code and}, {@code not}, comparisons and {@code in}
 * (which do not chain), {@code + -}, {@code * / %}, unary minus. Nesting and operator counts are
 * bounded so that no expression can exhaust the stack.
 */
final class ExpressionParser {

    private static final Set<TokenType> VALUE_STARTS = Set.of(TokenType.INT, TokenType.DURATION, TokenType.TRUE,
            TokenType.FALSE, TokenType.IDENTIFIER, TokenType.STRING, TokenType.LEFT_PAREN, TokenType.LEFT_BRACKET);
    private static final Set<String> UNITS = Set.of("ms", "s", "min");
    private static final Map<TokenType, Op> OR = Map.of(TokenType.OR, Op.OR);
    private static final Map<TokenType, Op> AND = Map.of(TokenType.AND, Op.AND);
    private static final Map<TokenType, Op> SUM = Map.of(TokenType.PLUS, Op.PLUS, TokenType.MINUS, Op.MINUS);
    private static final Map<TokenType, Op> PRODUCT = Map.of(TokenType.STAR, Op.TIMES, TokenType.SLASH, Op.DIVIDE,
            TokenType.PERCENT, Op.REMAINDER);

    private final TokenCursor in;
    private final SourceText source;
    private final Diagnostics diagnostics;
    private int depth;
    private int operators;

    ExpressionParser(TokenCursor in, SourceText source, Diagnostics diagnostics) {
        this.in = in;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    Expr expression() {
        depth = 0;
        operators = 0;
        return or();
    }

    private Expr or() {
        return leftToRight(this::and, OR);
    }

    private Expr and() {
        return leftToRight(this::not, AND);
    }

    private Expr not() {
        if (!in.check(TokenType.NOT)) {
            return comparison();
        }
        Token op = in.advance();
        enter(op);
        Expr operand = not();
        depth--;
        return counted(new Expr.Unary(Op.NOT, operand, Pos.of(op)), op);
    }

    private Expr comparison() {
        Expr left = sum();
        Token token = in.peek();
        Optional<Op> op = comparisonOperator();
        if (op.isEmpty()) {
            return left;
        }
        Expr result = binary(op.get(), left, sum(), token);
        Token next = in.peek();
        if (comparisonOperator().isPresent()) {
            throw in.error(next, "comparisons cannot be chained; join them with 'and', like 1 < i and i < 9");
        }
        return result;
    }

    private Optional<Op> comparisonOperator() {
        Op op = switch (in.peek().type()) {
            case EQUAL_EQUAL -> Op.EQUAL;
            case BANG_EQUAL -> Op.NOT_EQUAL;
            case LESS -> Op.LESS;
            case LESS_EQUAL -> Op.LESS_EQUAL;
            case GREATER -> Op.GREATER;
            case GREATER_EQUAL -> Op.GREATER_EQUAL;
            case IN -> Op.IN;
            case NOT -> in.peekNext().type() == TokenType.IN ? Op.NOT_IN : null;
            case EQUAL -> throw in.error(in.peek(), "use == to compare two values; a single = only appears in"
                    + " 'param' and 'shared' lines");
            default -> null;
        };
        if (op != null) {
            in.advance();
            if (op == Op.NOT_IN) {
                in.advance();
            }
        }
        return Optional.ofNullable(op);
    }

    private Expr sum() {
        return leftToRight(this::product, SUM);
    }

    private Expr product() {
        return leftToRight(this::unary, PRODUCT);
    }

    /** Operands joined by operators of one precedence level, grouped from the left: a - b - c is (a - b) - c. */
    private Expr leftToRight(Supplier<Expr> operand, Map<TokenType, Op> operators) {
        Expr left = operand.get();
        while (operators.containsKey(in.peek().type())) {
            Token op = in.advance();
            left = binary(operators.get(op.type()), left, operand.get(), op);
        }
        return left;
    }

    private Expr unary() {
        if (!in.check(TokenType.MINUS)) {
            return primary();
        }
        Token op = in.advance();
        enter(op);
        Expr operand = unary();
        depth--;
        return counted(new Expr.Unary(Op.NEGATE, operand, Pos.of(op)), op);
    }

    private Expr primary() {
        Token token = in.peek();
        if (!VALUE_STARTS.contains(token.type())) {
            throw in.error(token, "expected a value, like 3, 1s, true or a name, but found "
                    + (token.type().isKeyword() ? "the reserved word " : "") + TokenCursor.describe(token)
                    + (token.type().isKeyword() && afterEquality() ? "; to compare with a choice, put it in quotes: \""
                    + token.lexeme() + "\"" : ""));
        }
        in.advance();
        return switch (token.type()) {
            case INT -> number(token);
            case TRUE, FALSE -> new Expr.Literal(new Value.Bool(token.type() == TokenType.TRUE), Pos.of(token));
            case IDENTIFIER -> new Expr.Name(token.lexeme(), Pos.of(token));
            case STRING -> new Expr.Text(template(token));
            case LEFT_PAREN -> group(token);
            case LEFT_BRACKET -> list(token);
            default -> new Expr.Literal(token.literal(), Pos.of(token));
        };
    }

    private boolean afterEquality() {
        TokenType before = in.previous().type();
        return before == TokenType.EQUAL_EQUAL || before == TokenType.BANG_EQUAL;
    }

    private Expr number(Token token) {
        Token next = in.peek();
        if (next.type() == TokenType.IDENTIFIER && UNITS.contains(next.lexeme())) {
            throw in.error(next, "write the unit right after the number, with no space: " + token.lexeme()
                    + next.lexeme());
        }
        return new Expr.Literal(token.literal(), Pos.of(token));
    }

    private Expr group(Token open) {
        enter(open);
        Expr inner = or();
        if (!in.match(TokenType.RIGHT_PAREN)) {
            throw in.error(in.peek(), "expected ')' to close the '(' at column " + open.column() + ", but found "
                    + TokenCursor.describe(in.peek()));
        }
        depth--;
        return inner;
    }

    private Expr list(Token open) {
        enter(open);
        List<Expr> items = new ArrayList<>();
        if (!in.check(TokenType.RIGHT_BRACKET)) {
            do {
                if (items.size() == ScenarioLimits.MAX_LIST_ITEMS) {
                    throw in.error(in.peek(), "a list can have at most " + ScenarioLimits.MAX_LIST_ITEMS + " items");
                }
                items.add(or());
            } while (in.match(TokenType.COMMA));
        }
        if (!in.match(TokenType.RIGHT_BRACKET)) {
            throw in.error(in.peek(), "expected ',' or ']' in the list that starts at column " + open.column()
                    + ", but found " + TokenCursor.describe(in.peek()));
        }
        depth--;
        return new Expr.ListOf(items, Pos.of(open));
    }

    private Expr binary(Op op, Expr left, Expr right, Token token) {
        return counted(new Expr.Binary(op, left, right, Pos.of(token)), token);
    }

    private Expr counted(Expr expr, Token token) {
        if (++operators > ScenarioLimits.MAX_OPERATORS) {
            throw in.error(token, "this expression has more than " + ScenarioLimits.MAX_OPERATORS
                    + " operators; the limit is " + ScenarioLimits.MAX_OPERATORS + ", so split it up");
        }
        return expr;
    }

    private void enter(Token token) {
        if (++depth > ScenarioLimits.MAX_EXPRESSION_DEPTH) {
            throw in.error(token, "this expression is nested more than " + ScenarioLimits.MAX_EXPRESSION_DEPTH
                    + " levels deep; the limit is " + ScenarioLimits.MAX_EXPRESSION_DEPTH);
        }
    }

    /** Turns a STRING token into a template, parsing the expression in each pair of braces. */
    Template template(Token string) {
        return Templates.parse(string, source, diagnostics);
    }
}
