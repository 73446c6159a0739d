package dev.resilint.live.fake;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers one request: routes and parses it, identifies the caller by its access key, fails it as a region
 * that is not enabled would, applies the injected faults, finds the answer (the region's, the account's,
 * everywhere's, a built-in, or an empty list), pages it and writes it in the service's protocol, logging the
 * call. Returns null for a call that must never be answered.
 */
final class Dispatch {
    private final FakeAws fake;
    private final Identities identities;
    private final String requestId;

    Dispatch(FakeAws fake, Identities identities, String requestId) {
        this.fake = fake;
        this.identities = identities;
        this.requestId = requestId;
    }

    WireResponse answer(String method, URI uri, Headers headers, byte[] body) {
        WireRequest request;
        try {
            request = WireRequest.read(method, uri, headers, body);
        } catch (WireRequest.Rejected rejected) {
            Identities.Identity who = identities.identify(rejected.accessKey, headers.getFirst("X-Amz-Security-Token"));
            fake.problem("unroutable request " + method + " " + uri + ": " + rejected.error.getMessage());
            String service = rejected.service == null ? "unknown" : rejected.service.id();
            String operation = rejected.operation == null ? "unknown" : rejected.operation;
            return logged(new Call(who == null ? null : who.account(), rejected.region, service, operation, null,
                                   rejected.error.status(), rejected.error.code()),
                          WireResponse.error(rejected.service, rejected.error, requestId));
        } catch (AwsError error) {
            fake.problem("unreadable request " + method + " " + uri + ": " + error.getMessage());
            return WireResponse.error(null, error, requestId);
        }
        AwsService service = request.service();
        OperationModel op = request.operation();
        Identities.Identity caller = identities.identify(request.accessKey(), request.securityToken());
        String account = caller == null ? null : caller.account();
        Call base = new Call(account, request.region(), service.id(), op.name(), op.iamAction(), 0, null);
        if (caller == null || isRegional(service) && !fake.account(account).regionEnabled(request.region())) {
            return error(base, service.authFailure());
        }
        boolean malformed = false;
        boolean repeatToken = false;
        boolean emptyPages = false;
        for (Fault fault : fake.faults()) {
            if (!fault.fires(account, request.region(), service, op.name())) {
                continue;
            }
            switch (fault.kind()) {
                case LATENCY -> {
                    if (!fake.pause(fault.latency())) {
                        return null;
                    }
                }
                case HANG -> {
                    fake.log(new Call(account, request.region(), service.id(), op.name(), op.iamAction(), 0, "hang"));
                    return null;
                }
                case ERROR, THROTTLE -> {
                    return error(base, fault.error(service));
                }
                case MALFORMED_BODY -> malformed = true;
                case REPEATING_TOKEN -> repeatToken = true;
                case EMPTY_PAGES -> emptyPages = true;
                default -> throw new IllegalStateException(fault.kind().name());
            }
        }
        WireResponse response;
        try {
            response = WireResponse.success(op, output(request, caller, new Pager.Bends(repeatToken, emptyPages)), requestId);
        } catch (AwsError error) {
            return error(base, error);
        } catch (RuntimeException e) {
            String text = service.id() + " " + op.name() + ": the answer does not fit: " + e.getMessage();
            fake.problem(text);
            return error(base, new AwsError("FakeAwsBadAnswer", 400, text));
        }
        if (malformed) {
            response = response.malformed();
        }
        return logged(new Call(account, request.region(), service.id(), op.name(), op.iamAction(), response.status(), null),
                      response);
    }

    private static boolean isRegional(AwsService service) {
        return service != AwsService.CLOUDFRONT && service != AwsService.ROUTE53 && service != AwsService.ORGANIZATIONS;
    }

    private WireResponse error(Call base, AwsError error) {
        return logged(new Call(base.account(), base.region(), base.service(), base.operation(), base.iamAction(),
                               error.status(), error.code()),
                      WireResponse.error(AwsService.of(base.service()), error, requestId));
    }

    private WireResponse logged(Call call, WireResponse response) {
        fake.log(call);
        return response;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> output(WireRequest request, Identities.Identity caller, Pager.Bends bends) {
        AwsService service = request.service();
        OperationModel op = request.operation();
        Map<String, Object> input = request.input();
        Answers.Answer answer = find(caller.account(), request.region(), service, op.name(), input);
        if (answer != null) {
            Object produced = answer.producer().apply(input);
            if (!answer.list()) {
                return produced == null ? new java.util.LinkedHashMap<>()
                                        : (Map<String, Object>) Trees.normalize(op.output(), produced, op.name());
            }
            if (produced == null) {
                produced = List.of();
            }
            Paging paging = op.paging().orElseThrow();
            Shape element = Trees.shapeAt(op.output(), paging.resultKey()).element().shape();
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) produced) {
                items.add(Trees.normalize(element, item, op.name()));
            }
            return Pager.page(op, paging, items, input, fake.pageSize(), bends);
        }
        Map<String, Object> builtin = Builtins.answer(request, caller, identities, fake, fake.clock().instant());
        if (builtin != null) {
            return builtin;
        }
        if (op.paging().isPresent()) {
            return Pager.page(op, op.paging().get(), List.of(), input, fake.pageSize(), bends);
        }
        String text = "no answer for " + service.id() + " " + op.name() + " in account " + caller.account() + " region "
                      + request.region() + " with input " + input + ": register one with answer(...) or handler(...)";
        fake.problem(text);
        throw new AwsError("FakeAwsNoAnswer", 400, text);
    }

    private Answers.Answer find(String account, String region, AwsService service, String operation,
                                Map<String, Object> input) {
        FakeAccount known = fake.existingAccount(account);
        if (known != null) {
            FakeRegion inRegion = known.existingRegion(region);
            Answers.Answer answer = inRegion == null ? null : inRegion.find(service, operation, input);
            if (answer == null) {
                answer = known.find(service, operation, input);
            }
            if (answer != null) {
                return answer;
            }
        }
        return fake.everywhere().find(service, operation, input);
    }
}
