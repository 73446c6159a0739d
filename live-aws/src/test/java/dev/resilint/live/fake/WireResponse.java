package dev.resilint.live.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer as it goes on the wire: status, headers and body, written per protocol for a success
 * ({@link #success}) or an error ({@link #error}) in the format the SDK's error unmarshallers read.
 */
record WireResponse(int status, Map<String, String> headers, byte[] body) {

    /** The answer of a successful call with this output tree. */
    @SuppressWarnings("unchecked")
    static WireResponse success(OperationModel op, Map<String, Object> tree, String requestId) {
        Protocol protocol = op.service().protocol();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", protocol.contentType());
        headers.put("x-amzn-RequestId", requestId);
        int status = 200;
        byte[] body;
        switch (protocol) {
            case EC2 -> body = WireXml.ec2(op, tree, requestId);
            case QUERY -> body = WireXml.query(op, tree, requestId);
            case JSON_1_0, JSON_1_1 -> body = WireJson.write(op.output(), tree);
            case REST_JSON -> {
                headers.putAll(RestBinding.headers(op.output(), tree));
                Integer bound = RestBinding.status(op.output(), tree);
                status = bound == null ? 200 : bound;
                Shape.Member payload = op.output().members().values().stream().filter(Shape.Member::payload)
                                         .findFirst().orElse(null);
                if (payload == null) {
                    body = WireJson.write(op.output(), tree);
                } else {
                    Object value = tree.get(payload.name());
                    if (value == null) {
                        body = new byte[0];
                    } else if (value instanceof Map<?, ?> map) {
                        body = WireJson.write(payload.shape(), (Map<String, Object>) map);
                    } else if (value instanceof byte[] bytes) {
                        body = bytes;
                    } else {
                        body = value.toString().getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
            default -> {
                headers.putAll(RestBinding.headers(op.output(), tree));
                byte[] xml = WireXml.restXml(op, tree);
                body = xml == null ? new byte[0] : xml;
            }
        }
        return new WireResponse(status, headers, body);
    }

    /** The answer of a failed call, in the error format of the service's protocol (query XML when unknown). */
    static WireResponse error(AwsService service, AwsError error, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        Protocol protocol = service == null ? Protocol.QUERY : service.protocol();
        headers.put("Content-Type", protocol.contentType());
        byte[] body;
        switch (protocol) {
            case EC2 -> body = WireXml.ec2Error(error, requestId);
            case QUERY, REST_XML -> body = service == AwsService.S3 ? WireXml.s3Error(error, requestId)
                                         : service == null ? WireXml.queryError(AwsService.STS, error, requestId)
                                                           : WireXml.queryError(service, error, requestId);
            case JSON_1_0, JSON_1_1 -> {
                String type = error.jsonType();
                if (service == AwsService.SQS) {
                    headers.put("x-amzn-query-error", error.code() + ";" + error.faultType());
                    if (type.equals(error.code()) && type.indexOf('#') < 0) {
                        type = "com.amazonaws.sqs#" + type;
                    }
                }
                body = WireJson.error(type, error.getMessage(), Map.of());
            }
            default -> {
                headers.put("x-amzn-ErrorType", error.code());
                body = WireJson.error(null, error.getMessage(),
                                      service == AwsService.LAMBDA ? Map.of("Type", "User") : Map.of());
            }
        }
        return new WireResponse(error.status(), headers, body);
    }

    /** The same answer with its body cut in half: unreadable for any parser. */
    WireResponse malformed() {
        return new WireResponse(status, headers, Arrays.copyOf(body, Math.max(1, body.length / 2)));
    }
}
