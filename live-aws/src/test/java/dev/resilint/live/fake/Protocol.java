package dev.resilint.live.fake;

/**
 * The AWS wire protocol families the fake speaks, as named by the {@code metadata.protocol} of the
 * botocore service models ({@code ec2}, {@code query}, {@code json} with {@code jsonVersion} 1.0 or
 * 1.1, {@code rest-json}, {@code rest-xml}).
 */
public enum Protocol {
    /** Form-encoded {@code Action}/{@code Version}; XML answers without a result wrapper, lists as {@code <item>}. */
    EC2("text/xml;charset=UTF-8"),
    /** Form-encoded {@code Action}/{@code Version}; XML answers {@code <XResponse><XResult>}, lists as {@code <member>}. */
    QUERY("text/xml;charset=UTF-8"),
    /** POST with {@code X-Amz-Target}, JSON 1.0. */
    JSON_1_0("application/x-amz-json-1.0"),
    /** POST with {@code X-Amz-Target}, JSON 1.1. */
    JSON_1_1("application/x-amz-json-1.1"),
    /** Method and path per operation ({@code http.requestUri}), JSON bodies. */
    REST_JSON("application/json"),
    /** Method and path per operation ({@code http.requestUri}), XML bodies. */
    REST_XML("application/xml");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} of this protocol's answers. */
    public String contentType() {
        return contentType;
    }

    boolean isForm() {
        return this == EC2 || this == QUERY;
    }

    boolean isTargetJson() {
        return this == JSON_1_0 || this == JSON_1_1;
    }

    boolean isRest() {
        return this == REST_JSON || this == REST_XML;
    }

    boolean isXml() {
        return this == EC2 || this == QUERY || this == REST_XML;
    }
}
