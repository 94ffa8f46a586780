package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every mistake that needs no parameter values: unknown or clashing names, type errors,
 * duplicate fixed task names, awaits of tasks that cannot exist, and constant values out of bounds.
 */
final class Checker {

    private final Diagnostics diagnostics;
    private final Scope scope;
    private final TypeChecker types;
    private final Constants constants;
    private final TaskNames tasks = new TaskNames();
    private static final int MAX_MEASURES = 20;
    private final Set<String> measures = new HashSet<>();
    private boolean sawTask;
    private int generators;

    Checker(Diagnostics diagnostics, Set<String> broken) {
        this.diagnostics = diagnostics;
        this.scope = new Scope(broken);
        this.constants = new Constants(diagnostics);
        this.types = new TypeChecker(scope, diagnostics, constants.evaluator());
    }

    /**
     * Checks a parsed program.
     *
     * @param complete true if the parser found no error, so that the whole program is here and
     *                 checks across statements (task references, at least one task) are sound
     */
    void check(List<Stmt> program, boolean complete) {
        program.forEach(this::declare);
        block(program, "");
        if (complete) {
            tasks.check(diagnostics);
            if (!sawTask) {
                diagnostics.add(1, 1, "this scenario has no tasks; add one, like task \"hello\":");
            }
        }
    }

    private void declare(Stmt stmt) {
        if (stmt instanceof Stmt.ParamDecl decl) {
            Param param = decl.param();
            Optional<String> taken = scope.taken(param.name());
            taken.ifPresent(what -> types.report(decl.pos(), "'" + param.name() + "' is declared twice; it is"
                    + " already " + what));
            scope.define(param.name(), new Scope.Binding(ExprType.of(param.type()), decl.pos(), false,
                    param.choices()));
        } else if (stmt instanceof Stmt.Shared shared) {
            scope.taken(shared.name()).ifPresent(what -> types.report(shared.pos(), "'" + shared.name()
                    + "' is declared twice; it is already " + what));
            scope.share(shared.name(), shared.pos());
        }
    }

    private void block(List<Stmt> block, String task) {
        block.forEach(stmt -> check(stmt, task));
    }

    private void check(Stmt stmt, String task) {
        switch (stmt) {
            case Stmt.ParamDecl decl -> { }
            case Stmt.MeasureDecl measure -> measure(measure);
            case Stmt.Shared shared -> types.expect(shared.initial(), ExprType.INT,
                    "a shared value starts as a whole number, like shared balance = 100");
            case Stmt.Task t -> task(t);
            case Stmt.For loop -> loop(loop, task);
            case Stmt.If conditional -> conditional(conditional, task);
            case Stmt.Wait wait -> spend(wait.duration(), wait.label(), "wait");
            case Stmt.Cpu cpu -> spend(cpu.duration(), cpu.label(), "cpu");
            case Stmt.Print print -> template(print.text());
            case Stmt.Lock lock -> {
                text(lock.name(), "a lock's name");
                block(lock.body(), task);
            }
            case Stmt.Update update -> update(update);
            case Stmt.Await await -> await.tasks().forEach(name -> reference(name, task, "await"));
            case Stmt.Timeout timeout -> {
                duration(timeout.limit(), "timeout");
                block(timeout.body(), task);
            }
            case Stmt.Fail fail -> template(fail.message());
        }
    }

    private void task(Stmt.Task task) {
        sawTask = true;
        Optional<String> name = text(task.name(), "a task's name");
        tasks.declare(task.name(), name, generators == 0, diagnostics);
        String self = name.orElse("");
        task.after().forEach(after -> reference(after, self, "after"));
        block(task.body(), self);
    }

    private void reference(Template target, String self, String keyword) {
        text(target, "a task's name").ifPresent(name -> {
            if (name.equals(self)) {
                types.report(target.pos(), "task \"" + name + "\" " + (keyword.equals("after")
                        ? "cannot start after itself" : "cannot await itself: it would wait forever"));
            } else {
                tasks.refer(name, target.pos());
            }
        });
    }

    private void loop(Stmt.For loop, String task) {
        switch (loop.source()) {
            case Stmt.Loop.Range range -> {
                types.expect(range.from(), ExprType.INT, "a 'for' range needs whole numbers, like 1..count");
                types.expect(range.to(), ExprType.INT, "a 'for' range needs whole numbers, like 1..count");
            }
            case Stmt.Loop.Each each -> types.expect(each.list(), ExprType.LIST, "a 'for' loop runs over a range, like"
                    + " 1..10, or over a list, like sleepers"
                    + (each.list() instanceof Expr.Name n ? "; did you mean 1.." + n.name() + "?" : ""));
        }
        String variable = loop.variable();
        Optional<String> taken = scope.taken(variable);
        taken.ifPresent(what -> types.report(loop.pos(), "the name '" + variable + "' is already taken by "
                + what + "; pick another name for the loop variable"));
        if (taken.isEmpty()) {
            scope.define(variable, new Scope.Binding(ExprType.INT, loop.pos(), true, List.of()));
        }
        generated(loop.body(), task);
        if (taken.isEmpty()) {
            scope.remove(variable);
        }
    }

    private void conditional(Stmt.If conditional, String task) {
        for (Stmt.Branch branch : conditional.branches()) {
            types.expect(branch.condition(), ExprType.BOOL, "'if' needs a condition that is true or false, like i > 3"
                    + " or i in sleepers");
            generated(branch.body(), task);
        }
        generated(conditional.otherwise(), task);
    }

    /** Checks a block that may run any number of times, so that its tasks may or may not exist. */
    private void generated(List<Stmt> block, String task) {
        generators++;
        block(block, task);
        generators--;
    }

    private void spend(Expr duration, Template label, String keyword) {
        duration(duration, keyword);
        template(label);
    }

    private void measure(Stmt.MeasureDecl decl) {
        Measure measure = decl.measure();
        if (measures.size() == MAX_MEASURES) {
            types.report(decl.pos(), "a scenario can measure at most " + MAX_MEASURES + " figures");
        }
        if (!measures.add(measure.name())) {
            types.report(decl.pos(), "'" + measure.name() + "' is measured twice; give each measure a name of its"
                    + " own");
        }
        String name = measure.subject();
        if (measure.kind().subject() == Measure.Subject.SHARED && scope.shared(name).isEmpty()
                && !scope.isBroken(name)) {
            types.report(decl.subjectPos(), "'" + name + "' is not a shared value"
                    + Suggestions.closest(name, scope.sharedNames()).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; '" + measure.kind().word() + "' measures a value declared like shared " + name
                            + " = 0"));
        }
    }

    private void update(Stmt.Update update) {
        String name = update.shared();
        if (scope.shared(name).isEmpty() && !scope.isBroken(name)) {
            types.report(update.sharedPos(), "'" + name + "' is not a shared value"
                    + Suggestions.closest(name, scope.sharedNames()).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; declare it at the top, like shared " + name + " = 0"));
        }
        types.expect(update.delta(), ExprType.INT, "'update' adds a whole number, like update balance by 10");
        duration(update.think(), "thinking");
    }

    private void duration(Expr expr, String keyword) {
        if (types.expect(expr, ExprType.DURATION, "'" + keyword + "' needs a duration with a unit, like 100ms, 1s"
                + " or 2min")) {
            constants.value(expr).ifPresent(value -> constants.attempt(() -> Rules.duration(keyword,
                    ((Value.Dur) value).value(), expr.pos())));
        }
    }

    /** Checks a template; if its text is known now, checks it is not empty and returns it. */
    private Optional<String> text(Template template, String what) {
        int before = types.errors();
        template(template);
        return types.errors() != before ? Optional.empty() : constants.text(template)
                .flatMap(text -> constants.attempt(() -> Rules.name(what, text, template.pos())));
    }

    /** Checks a template's holes and computes the constant ones, to report overflow and the like now. */
    private void template(Template template) {
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Part.Hole hole) {
                int before = types.errors();
                types.type(hole.expr());
                if (types.errors() == before) {
                    constants.value(hole.expr());
                }
            }
        }
    }
}
