package dev.resilint.live.map.ecs;

/** Names within ECS ARNs ({@code arn:aws:ecs:<region>:<account>:<kind>/<...>/<name>}). */
final class EcsArns {

    private EcsArns() {
    }

    /** The last path segment of an ARN: a cluster's, service's or capacity provider's name. */
    static String lastSegment(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    /** {@code family:revision} of a task definition ARN. */
    static String familyRevision(String arn) {
        return lastSegment(arn);
    }

    /** The family of a task definition ARN. */
    static String family(String arn) {
        String familyRevision = familyRevision(arn);
        int colon = familyRevision.lastIndexOf(':');
        return colon < 0 ? familyRevision : familyRevision.substring(0, colon);
    }
}
