package dev.resilint.live.fake;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request as the fake understood it: the service and region of its SigV4 credential scope, its access
 * key (and session token), its operation and its input tree by member names.
 */
record WireRequest(AwsService service, String region, String accessKey, String securityToken, OperationModel operation,
                   Map<String, Object> input) {

    private static final Pattern CREDENTIAL =
        Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    /** A request the fake cannot route or parse; {@code service} is null when not even the service is known. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient AwsService service;
        final transient String region;
        final transient String accessKey;
        final String operation;
        final transient AwsError error;

        Rejected(AwsService service, String region, String accessKey, String operation, AwsError error) {
            super(error.getMessage(), null, false, false);
            this.service = service;
            this.region = region;
            this.accessKey = accessKey;
            this.operation = operation;
            this.error = error;
        }
    }

    /** Routes and parses a request by its credential scope and then by its service's protocol. */
    static WireRequest read(String method, URI uri, Headers headers, byte[] body) throws Rejected {
        String authorization = headers.getFirst("Authorization");
        Matcher credential = authorization == null ? null : CREDENTIAL.matcher(authorization);
        if (credential == null || !credential.find()) {
            throw new Rejected(null, null, null, null, new AwsError("MissingAuthenticationToken", 403,
                "Request is missing Authentication Token (no SigV4 credential scope)"));
        }
        String accessKey = credential.group(1);
        String region = credential.group(3);
        String signingName = credential.group(4);
        List<AwsService> candidates = new ArrayList<>();
        for (AwsService service : AwsService.values()) {
            if (service.signingName().equals(signingName)) {
                candidates.add(service);
            }
        }
        if (candidates.isEmpty()) {
            throw new Rejected(null, region, accessKey, null, new AwsError("UnknownService", 400,
                "the fake does not answer the service '" + signingName + "'"));
        }
        String token = headers.getFirst("X-Amz-Security-Token");
        Protocol protocol = candidates.get(0).protocol();
        if (protocol.isForm()) {
            return form(candidates, region, accessKey, token, uri, body);
        }
        AwsService service = candidates.get(0);
        if (protocol.isTargetJson()) {
            String target = headers.getFirst("X-Amz-Target");
            int dot = target == null ? -1 : target.lastIndexOf('.');
            String name = dot < 0 ? target : target.substring(dot + 1);
            if (dot < 0 || !target.substring(0, dot).equals(service.targetPrefix())) {
                throw new Rejected(service, region, accessKey, name, new AwsError("UnknownOperationException", 400,
                    "X-Amz-Target '" + target + "' is not " + service.targetPrefix() + ".<Operation>"));
            }
            OperationModel op = SdkModels.operation(service, name).orElseThrow(() -> new Rejected(service, region,
                accessKey, name, new AwsError("UnknownOperationException", 400, "no operation " + name)));
            return new WireRequest(service, region, accessKey, token, op, WireJson.read(op.input(), WireJson.parse(body)));
        }
        // REST services that share a signing name (API Gateway's REST and v2 APIs) are told apart by path
        List<OperationModel> ops = candidates.stream()
            .flatMap(s -> s.operations().stream().map(o -> SdkModels.require(s, o))).toList();
        RestBinding.Match match = service == AwsService.S3
                                  ? RestBinding.routePathStyle(ops, method, uri.getRawPath(), uri.getRawQuery())
                                  : RestBinding.route(ops, method, uri.getRawPath(), uri.getRawQuery());
        if (match == null) {
            throw new Rejected(service, region, accessKey, method + " " + uri.getRawPath(),
                new AwsError("UnknownOperationException", 404, "the fake routes no operation of " + service.id()
                                                                 + " to " + method + " " + uri.getRawPath()));
        }
        OperationModel op = match.operation();
        Map<String, Object> input = protocol == Protocol.REST_JSON && body.length > 0
                                    ? WireJson.read(op.input(), WireJson.parse(body)) : new LinkedHashMap<>();
        Map<String, List<String>> lowerHeaders = new LinkedHashMap<>();
        headers.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        RestBinding.readBound(op.input(), match.labels(), RestBinding.parseQuery(uri.getRawQuery()), lowerHeaders, input);
        return new WireRequest(op.service(), region, accessKey, token, op, input);
    }

    private static WireRequest form(List<AwsService> candidates, String region, String accessKey, String token, URI uri,
                                    byte[] body) throws Rejected {
        NavigableMap<String, String> params = WireForm.parse(new String(body, StandardCharsets.UTF_8));
        params.putAll(WireForm.parse(uri.getRawQuery()));
        String action = params.get("Action");
        String version = params.get("Version");
        AwsService service = candidates.stream().filter(s -> s.apiVersion().equals(version)).findFirst().orElse(null);
        if (service == null) {
            throw new Rejected(candidates.get(0), region, accessKey, action, new AwsError("InvalidAction", 400,
                "Version '" + version + "' is not a version of " + candidates.get(0).signingName()));
        }
        if (action == null) {
            throw new Rejected(service, region, accessKey, null, new AwsError("MissingAction", 400, "no Action"));
        }
        OperationModel op = SdkModels.operation(service, action).orElseThrow(() -> new Rejected(service, region,
            accessKey, action, new AwsError("InvalidAction", 400,
                                            "The action " + action + " is not valid for this web service.")));
        return new WireRequest(service, region, accessKey, token, op,
                               WireForm.read(op.input(), params, service.protocol() == Protocol.EC2));
    }
}
