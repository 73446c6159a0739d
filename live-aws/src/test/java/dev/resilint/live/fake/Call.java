package dev.resilint.live.fake;

/**
 * One call the fake answered: who made it (the account of its credentials, null when they named none),
 * where (region), what (service id, operation, the IAM action it needs) and how it ended (HTTP status and
 * error code, null on success).
 */
public record Call(String account, String region, String service, String operation, String iamAction, int status,
                   String errorCode) {

    /** Whether the call was answered with success. */
    public boolean succeeded() {
        return status < 300;
    }
}
