package dev.resilint.live.fake;

/**
 * An error answer: the code the SDK reports as {@code awsErrorDetails().errorCode()}, the HTTP status and
 * the message. A handler throws it to answer a call with an error; faults carry one.
 *
 * <p>For SQS (JSON with the {@code awsQueryCompatible} trait), {@link #code()} is the code the SDK
 * reports, sent in the {@code x-amzn-query-error} header as {@code <code>;Sender}, and
 * {@link #jsonType()} is the {@code __type} of the JSON body (by default the same code).
 */
public final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final String jsonType;

    /** An error with this code, HTTP status and message. */
    public AwsError(String code, int status, String message) {
        this(code, status, message, code);
    }

    private AwsError(String code, int status, String message, String jsonType) {
        super(message, null, false, false);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an error needs a code");
        }
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("an error needs an HTTP status 300-599, not " + status);
        }
        this.code = code;
        this.status = status;
        this.jsonType = jsonType;
    }

    /** The same error with another {@code __type} in a JSON body (SQS sends the Smithy shape name there). */
    public AwsError withJsonType(String type) {
        return new AwsError(code, status, getMessage(), type);
    }

    /** An access-denied error as the given service's protocol spells it ({@code UnauthorizedOperation} for EC2). */
    public static AwsError accessDenied(AwsService service, String message) {
        switch (service.protocol()) {
            case EC2:
                return new AwsError("UnauthorizedOperation", 403, message);
            case QUERY:
            case REST_XML:
                return new AwsError("AccessDenied", 403, message);
            case REST_JSON:
                return new AwsError("AccessDeniedException", 403, message);
            default:
                return new AwsError("AccessDeniedException", 400, message);
        }
    }

    /** The error code. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The {@code __type} of a JSON error body. */
    public String jsonType() {
        return jsonType;
    }

    /** {@code Sender} for a 3xx/4xx error, {@code Receiver} for a 5xx, as the query protocol's {@code <Type>} says. */
    public String faultType() {
        return status >= 500 ? "Receiver" : "Sender";
    }

    @Override
    public String toString() {
        return "AwsError[" + code + " " + status + ": " + getMessage() + "]";
    }
}
