package dev.asyncplayground.scenario;

/** A submitted parameter value that is missing its type, out of range or unknown; names the parameter. */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter the message is about. */
    public String parameter() {
        return parameter;
    }
}
