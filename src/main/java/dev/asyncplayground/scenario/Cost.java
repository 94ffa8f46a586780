package dev.asyncplayground.scenario;

import java.util.List;

/**
 * Lower bounds of the work a loop round does, so that a loop that would surely exhaust the
 * work budget is refused before its first round instead of after millions of them.
 */
final class Cost {

    private Cost() {
    }

    /**
     * Units one round of {@code body} charges at least: one per statement, plus the parts of the
     * first condition of each {@code if}, which is always evaluated.
     */
    static long perRound(List<Stmt> body) {
        long units = 0;
        for (Stmt stmt : body) {
            units += 1;
            if (stmt instanceof Stmt.If conditional) {
                units += parts(conditional.branches().getFirst().condition());
            }
        }
        return units;
    }

    /** Expression parts evaluated whatever the values: {@code and} and {@code or} may skip their right side. */
    static long parts(Expr expr) {
        return switch (expr) {
            case Expr.Literal literal -> 1;
            case Expr.Name name -> 1;
            case Expr.Text text -> 1;
            case Expr.ListOf list -> 1 + list.items().stream().mapToLong(Cost::parts).sum();
            case Expr.Unary unary -> 1 + parts(unary.operand());
            case Expr.Binary binary -> 1 + parts(binary.left())
                    + (binary.op() == Op.AND || binary.op() == Op.OR ? 0 : parts(binary.right()));
        };
    }
}
