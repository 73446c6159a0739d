package dev.resilint.live.fake;

import java.util.Optional;

/**
 * One operation of a service model: its wire name, its input and output shapes, its HTTP binding
 * ({@code http.method}, {@code http.requestUri}) and its pagination, if it lists.
 */
record OperationModel(AwsService service, String name, Shape input, Shape output, String httpMethod,
                      String requestUri) {

    /** How this operation pages, if it lists. */
    Optional<Paging> paging() {
        return Paging.of(service, name);
    }

    /** The IAM action this operation needs. */
    String iamAction() {
        return service.iamAction(name, httpMethod);
    }
}
