package dev.resilint.live.aws;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.internal.AwsErrorCode;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A call that could not read what it should have, classified: the credentials may not make it, the
 * API kept throttling after every retry, the region is not enabled, or anything else (a service
 * error, a timeout, a response the SDK cannot parse, a pagination token that repeats). Its message
 * names the operation, the error code and the service's message, never credentials.
 */
public final class ReadFailure extends RuntimeException {

    private static final Set<String> ACCESS_DENIED = Set.of("accessdenied", "accessdeniedexception",
            "unauthorizedoperation", "unauthorizedaccess", "authorizationerror", "authorizationerrorexception",
            "notauthorized", "forbidden", "forbiddenexception", "accessdeniedforresource");
    private static final Set<String> REGION_DISABLED = Set.of("unrecognizedclientexception", "invalidclienttokenid",
            "authfailure", "optinrequired", "invalididentitytoken");

    private final NotEvaluated.Reason reason;

    public ReadFailure(NotEvaluated.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public NotEvaluated.Reason reason() {
        return reason;
    }

    /** The value every field this failure left unread has. */
    public Value.Unknown asUnknown() {
        Value.Reason why = switch (reason) {
            case ACCESS_DENIED -> Value.Reason.ACCESS_DENIED;
            case THROTTLED -> Value.Reason.THROTTLED;
            default -> Value.Reason.READ_FAILED;
        };
        return Value.unknown(why, getMessage());
    }

    /** Classifies what {@code operation} threw. */
    public static ReadFailure of(String operation, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            String text = operation + ": " + (code == null ? "HTTP " + service.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : " (" + oneLine(message) + ")");
            String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
            if (ACCESS_DENIED.contains(c) || (code == null && service.statusCode() == 403)) {
                return new ReadFailure(NotEvaluated.Reason.ACCESS_DENIED, text);
            }
            if (service.isThrottlingException() || (code != null && AwsErrorCode.isThrottlingErrorCode(code))) {
                return new ReadFailure(NotEvaluated.Reason.THROTTLED, text + " after every retry");
            }
            // EC2 answers a region that is not enabled with AuthFailure and HTTP 401; the JDK's
            // HttpURLConnection drops a 401's body on a streamed request, so the code may be missing
            if (REGION_DISABLED.contains(c) || (code == null && service.statusCode() == 401)) {
                return new ReadFailure(NotEvaluated.Reason.REGION_DISABLED, text);
            }
            return new ReadFailure(NotEvaluated.Reason.ERROR, text);
        }
        if (e instanceof SdkClientException) {
            return new ReadFailure(NotEvaluated.Reason.ERROR, operation + ": " + oneLine(String.valueOf(e.getMessage())));
        }
        return new ReadFailure(NotEvaluated.Reason.ERROR, operation + ": " + oneLine(String.valueOf(e.getMessage())));
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        // the SDK appends request ids and status; keep the service's own words
        int cut = t.indexOf(" (Service: ");
        t = cut > 0 ? t.substring(0, cut) : t;
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
