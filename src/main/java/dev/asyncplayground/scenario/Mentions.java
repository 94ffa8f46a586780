package dev.asyncplayground.scenario;

import java.util.List;
import java.util.function.Predicate;

/** Answers which names an expression or a block depends on. */
final class Mentions {

    private Mentions() {
    }

    /** True if the expression reads no name at all, so its value is known before any parameter is. */
    static boolean isConstant(Expr expr) {
        return !expr(expr, name -> true);
    }

    /** True if every hole of the template is constant. */
    static boolean isConstant(Template template) {
        return !template(template, name -> true);
    }

    /** True if the expression reads a name that {@code wanted} accepts. */
    static boolean expr(Expr expr, Predicate<String> wanted) {
        return switch (expr) {
            case Expr.Literal l -> false;
            case Expr.Text t -> template(t.template(), wanted);
            case Expr.ListOf l -> l.items().stream().anyMatch(item -> expr(item, wanted));
            case Expr.Name n -> wanted.test(n.name());
            case Expr.Unary u -> expr(u.operand(), wanted);
            case Expr.Binary b -> expr(b.left(), wanted) || expr(b.right(), wanted);
        };
    }

    static boolean template(Template template, Predicate<String> wanted) {
        return template.parts().stream()
                .anyMatch(part -> part instanceof Template.Part.Hole hole && expr(hole.expr(), wanted));
    }

    /**
     * True if how many tasks and steps the block makes depends on {@code name}: some condition or
     * loop range in it reads the name. Names, labels and durations do not count.
     */
    static boolean inControl(List<Stmt> block, String name) {
        Predicate<String> wanted = name::equals;
        for (Stmt stmt : block) {
            boolean found = switch (stmt) {
                case Stmt.Task t -> inControl(t.body(), name);
                case Stmt.Lock l -> inControl(l.body(), name);
                case Stmt.Timeout t -> inControl(t.body(), name);
                case Stmt.For f -> source(f.source(), wanted) || inControl(f.body(), name);
                case Stmt.If i -> inControl(i.otherwise(), name) || i.branches().stream()
                        .anyMatch(b -> expr(b.condition(), wanted) || inControl(b.body(), name));
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean source(Stmt.Loop source, Predicate<String> wanted) {
        return switch (source) {
            case Stmt.Loop.Range r -> expr(r.from(), wanted) || expr(r.to(), wanted);
            case Stmt.Loop.Each e -> expr(e.list(), wanted);
        };
    }
}
