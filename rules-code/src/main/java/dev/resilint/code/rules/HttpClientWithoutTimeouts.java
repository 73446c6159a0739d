package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * CT02: HTTP clients and requests left with their default, infinite timeouts. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#HTTP_CLIENTS_SHOULD_SET_TIMEOUTS} runs it as an ArchUnit
 * rule.
 */
public final class HttpClientWithoutTimeouts extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CT02", HttpClientWithoutTimeouts.class)
            .severity(Severity.WARNING)
            .summary("An HTTP client or request is used with its default, infinite connect or read timeout.")
            .rationale("The JDK's HttpClient and HttpURLConnection, Apache HttpClient and Spring's RestTemplate wait "
                    + "forever by default, for a connection or for a response or both. One stalled dependency then "
                    + "holds a thread per request until the pool is exhausted and the service stops answering too.")
            .remediation("Set both a connect timeout and a read (response) timeout: "
                    + "`HttpClient.newBuilder().connectTimeout(...)` and `HttpRequest.newBuilder().timeout(...)`; "
                    + "`setConnectTimeout` and `setReadTimeout` on an `HttpURLConnection`; a `RequestConfig` (and in "
                    + "HttpClient 5 a `ConnectionConfig`) with timeouts for Apache HttpClient; a request factory "
                    + "with timeouts for `RestTemplate`.")
            .wellArchitected("REL05-BP05")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.HTTP_CLIENTS_SHOULD_SET_TIMEOUTS", ResilienceRules.SOURCE_URL))
            .tags("timeout", "http", "code")
            .sources(SourceKind.CODE)
            .reads("java.net.http.HttpClient", "java.net.HttpURLConnection",
                    "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
                    "org.springframework.web.client.RestTemplate")
            .firesOn("A `java.net.http.HttpClient` built (`newHttpClient()`, `newBuilder()...build()`) in a class "
                            + "that sets neither `connectTimeout` nor a request `timeout`.",
                    "`HttpRequest`s built in a class that never sets `timeout`.",
                    "`URL.openConnection()` used as an `HttpURLConnection` in a class that does not call both "
                            + "`setConnectTimeout` and `setReadTimeout`.",
                    "`URL.openStream()` on an HTTP address (the method names an `http://` or `https://` address "
                            + "or casts to `HttpURLConnection`): it cannot be given a timeout at all.",
                    "`URL.openConnection()` on an HTTP address whose connection is handed to another method or "
                            + "constructor, in a class that sets no timeout on any connection.",
                    "Apache HttpClient 4 or 5 created (`HttpClients.createDefault()`, `custom()...build()`) in a "
                            + "class that sets no connect, socket or response timeout.",
                    "A Spring `RestTemplate` created in a class that sets no connect or read timeout on a request "
                            + "factory.",
                    "Each kind is judged per class, with the classes nested in the same top-level class: a timeout "
                            + "set in a helper method counts.")
            .quietWhen("An Apache HttpClient that is handed a configuration built elsewhere, or a `RestTemplate` "
                            + "that is handed a request factory built elsewhere: resilint cannot see what it holds.",
                    "A client or request finished from a builder the method received as a parameter: its caller "
                            + "configures it.",
                    "Library code defining the client itself (Apache HttpClient's own `HttpClients`, Spring's own "
                            + "`RestTemplate` support): its defaults are what the rule warns users of, not a use of "
                            + "them.",
                    "`URL.openStream()` and `openConnection()` where nothing says the URL is an HTTP one (class "
                            + "path resources, files).")
            .build();

    /** The client families judged, built when the rule first runs, not when its metadata is read. */
    private static final class Families {
        static final List<ClientFamily> ALL = List.of(ClientFamilies.JDK_HTTP_CLIENTS,
                ClientFamilies.JDK_HTTP_REQUESTS, ClientFamilies.URL_CONNECTIONS_FAMILY, ClientFamilies.APACHE_CLIENTS,
                ClientFamilies.REST_TEMPLATES);
    }

    public HttpClientWithoutTimeouts() {
        super("set connect and read timeouts on the HTTP clients they use");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        List<JavaCall<?>> own = ownCalls(item);
        for (ClientFamily family : Families.ALL) {
            family.check(item, own, () -> callsOf(group), "http", out);
        }
        if (Calls.any(own, call -> Calls.owner(call).equals("java.net.URL"))) {
            List<JavaCall<?>> groupCalls = callsOf(group);
            UrlStreams.check(own, groupCalls, ClientFamilies.usesHttpUrlConnections(groupCalls), out);
        }
    }
}
