package dev.asyncplayground.export;

/**
 * What every Python style writes alike: snake_case names, {@code #} comments and {@code pass} for
 * an empty block.
 */
abstract class PythonWalk extends StepWalk {

    PythonWalk(Lines out, Names names, double speed) {
        super(out, names, speed);
    }

    @Override
    final boolean camel() {
        return false;
    }

    @Override
    final void comment(String text) {
        out.add("# " + text);
    }

    @Override
    void empty() {
        out.add("pass");
    }
}
