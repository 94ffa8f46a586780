package dev.asyncplayground.scenario;

import dev.asyncplayground.timeline.Measure;
import java.util.List;

/** A statement of the scenario language: a declaration, a task, a step, or a loop or condition around them. */
sealed interface Stmt {

    /** Where the statement's first word stands (for a loop: its variable). */
    Pos pos();

    /** {@code param NAME = DEFAULT TYPE "description"}. */
    record ParamDecl(Param param, Pos pos) implements Stmt {}

    /** {@code shared NAME = EXPR}. */
    record Shared(String name, Expr initial, Pos pos) implements Stmt {}

    /** {@code measure NAME = KIND [SUBJECT]}; {@code subjectPos} is where the subject stands (else the kind). */
    record MeasureDecl(Measure measure, Pos pos, Pos subjectPos) implements Stmt {}

    /** {@code task "NAME" [after "A", "B"]:} and its steps. */
    record Task(Template name, List<Template> after, List<Stmt> body, Pos pos) implements Stmt {
        public Task {
            after = List.copyOf(after);
            body = List.copyOf(body);
        }
    }

    /** {@code for NAME in A..B:} or {@code for NAME in LIST:} around tasks or steps. */
    record For(String variable, Loop source, List<Stmt> body, Pos pos) implements Stmt {
        public For {
            body = List.copyOf(body);
        }
    }

    /** {@code if C:}, any {@code else if C:}, and an optional {@code else:}. */
    record If(List<Branch> branches, List<Stmt> otherwise, Pos pos) implements Stmt {
        public If {
            branches = List.copyOf(branches);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code wait DURATION ["label"]}. */
    record Wait(Expr duration, Template label, Pos pos) implements Stmt {}

    /** {@code cpu DURATION ["label"]}. */
    record Cpu(Expr duration, Template label, Pos pos) implements Stmt {}

    /** {@code print "text"}. */
    record Print(Template text, Pos pos) implements Stmt {}

    /** {@code lock "NAME":} and the steps run while holding it. */
    record Lock(Template name, List<Stmt> body, Pos pos) implements Stmt {
        public Lock {
            body = List.copyOf(body);
        }
    }

    /** {@code update NAME by EXPR [thinking DURATION]}. */
    record Update(String shared, Pos sharedPos, Expr delta, Expr think, Pos pos) implements Stmt {}

    /** {@code await "A", "B"}. */
    record Await(List<Template> tasks, Pos pos) implements Stmt {
        public Await {
            tasks = List.copyOf(tasks);
        }
    }

    /** {@code timeout DURATION:} and the steps it limits. */
    record Timeout(Expr limit, List<Stmt> body, Pos pos) implements Stmt {
        public Timeout {
            body = List.copyOf(body);
        }
    }

    /** {@code fail "message"}. */
    record Fail(Template message, Pos pos) implements Stmt {}

    /** What a {@code for} loop runs over. */
    sealed interface Loop {

        /** {@code A..B}, both ends included; empty when B is less than A. */
        record Range(Expr from, Expr to) implements Loop {}

        /** Every item of a list, in order. */
        record Each(Expr list) implements Loop {}
    }

    /** One {@code if} or {@code else if} condition and its block. */
    record Branch(Expr condition, List<Stmt> body) {
        public Branch {
            body = List.copyOf(body);
        }
    }
}
