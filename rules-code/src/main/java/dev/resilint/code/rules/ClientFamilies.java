package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.arity;
import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;
import static dev.resilint.code.rules.Calls.ownerIn;
import static dev.resilint.code.rules.Calls.ownerIsA;
import static dev.resilint.code.rules.Calls.simpleName;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The clients CT01, CT02 and CL01 know: where each is created and which calls configure its timeouts. */
final class ClientFamilies {

    private ClientFamilies() {
    }

    // ---- AWS SDK for Java v2 -------------------------------------------------------------------

    static final String SDK = "software.amazon.awssdk.";

    private static final Set<String> SDK_CLIENT_BUILDERS = Set.of(
            "software.amazon.awssdk.core.client.builder.SdkClientBuilder",
            "software.amazon.awssdk.awscore.client.builder.AwsClientBuilder");

    private static final Set<String> SDK_CLIENTS = Set.of("software.amazon.awssdk.core.SdkClient");

    private static final Set<String> SDK_TIMEOUTS = Set.of("apiCallTimeout", "apiCallAttemptTimeout",
            "socketTimeout", "connectionTimeout", "readTimeout", "writeTimeout");

    static boolean isSdkClientBuilder(JavaClass type) {
        String name = type.getName();
        return (name.startsWith(SDK) && !name.startsWith(SDK + "http.") && name.endsWith("ClientBuilder"))
                || Calls.isA(type, SDK_CLIENT_BUILDERS);
    }

    static boolean isSdkClient(JavaClass type) {
        String name = type.getName();
        return (name.startsWith(SDK + "services.") && name.endsWith("Client")) || Calls.isA(type, SDK_CLIENTS);
    }

    /** {@code DynamoDbClient.builder()...build()} and {@code DynamoDbClient.create()}. */
    static final Predicate<JavaCall<?>> SDK_CLIENT_CREATION = call -> !isConstructor(call) && arity(call) == 0
            && ((name(call).equals("build") && isSdkClientBuilder(call.getTargetOwner()))
                    || (name(call).equals("create") && isSdkClient(call.getTargetOwner())));

    /** An SDK HTTP client type or its builder: {@code ApacheHttpClient}, {@code UrlConnectionHttpClient$Builder}. */
    static boolean isSdkHttpClient(JavaCall<?> call) {
        return ownerIn(call, SDK + "http.") && simpleName(owner(call)).contains("HttpClient");
    }

    /** {@code ApacheHttpClient.builder()...build()}, {@code UrlConnectionHttpClient.create()}. */
    static final Predicate<JavaCall<?>> SDK_HTTP_CLIENT_CREATION = call -> !isConstructor(call)
            && isSdkHttpClient(call) && arity(call) == 0
            && ((name(call).equals("build") && owner(call).endsWith("$Builder"))
                    || (name(call).equals("create") && !owner(call).contains("$")));

    static final ClientFamily SDK_CLIENTS_FAMILY = ClientFamily.anyOf(
            SDK_CLIENT_CREATION,
            call -> !isConstructor(call) && ownerIn(call, SDK) && SDK_TIMEOUTS.contains(name(call)) && arity(call) == 1,
            call -> !isConstructor(call) && isSdkClientBuilder(call.getTargetOwner())
                    && Set.of("overrideConfiguration", "httpClient", "httpClientBuilder").contains(name(call))
                    && arity(call) == 1 && !Calls.parameter(call, 0).equals("java.util.function.Consumer"),
            call -> !isConstructor(call) && ((owner(call).equals(SDK + "core.client.config.ClientOverrideConfiguration")
                    && name(call).equals("builder"))
                    || (isSdkHttpClient(call) && Set.of("builder", "create").contains(name(call)))),
            call -> "AWS SDK client " + sdkClientName(call) + " is built without timeouts (nothing in the class sets "
                    + "apiCallTimeout or apiCallAttemptTimeout on a ClientOverrideConfiguration, nor a socket or "
                    + "connection timeout on the SDK HTTP client); set overrideConfiguration(c -> c.apiCallTimeout(...)"
                    + ".apiCallAttemptTimeout(...)) so that a slow endpoint cannot hold the caller for as long as "
                    + "all retries take");

    static String sdkClientName(JavaCall<?> call) {
        String simple = simpleName(owner(call)).replace('$', '.');
        return name(call).equals("build") && simple.endsWith("Builder")
                ? simple.substring(0, simple.length() - "Builder".length()) : simple;
    }

    // ---- java.net.http ---------------------------------------------------------------------------

    private static final String JDK_HTTP_CLIENT = "java.net.http.HttpClient";
    private static final String JDK_HTTP_CLIENT_BUILDER = "java.net.http.HttpClient$Builder";
    private static final String JDK_HTTP_REQUEST = "java.net.http.HttpRequest";
    private static final String JDK_HTTP_REQUEST_BUILDER = "java.net.http.HttpRequest$Builder";

    static final Predicate<JavaCall<?>> JDK_HTTP_CLIENT_CREATION = call -> !isConstructor(call) && arity(call) == 0
            && ((name(call).equals("newHttpClient") && owner(call).equals(JDK_HTTP_CLIENT))
                    || (name(call).equals("build") && ownerIsA(call, Set.of(JDK_HTTP_CLIENT_BUILDER))));

    private static final Predicate<JavaCall<?>> REQUEST_TIMEOUT =
            Calls.method(Set.of(JDK_HTTP_REQUEST_BUILDER), "timeout", 1);

    static final ClientFamily JDK_HTTP_CLIENTS = ClientFamily.anyOf(
            JDK_HTTP_CLIENT_CREATION,
            Calls.method(Set.of(JDK_HTTP_CLIENT_BUILDER), "connectTimeout", 1).or(REQUEST_TIMEOUT),
            ClientFamily.NONE,
            ClientFamily.NONE,
            call -> "java.net.http.HttpClient is built without connectTimeout and no request in the class sets "
                    + "timeout(...), so connecting and waiting for a response can take forever; set "
                    + "HttpClient.newBuilder().connectTimeout(...) and HttpRequest.newBuilder().timeout(...)");

    static final ClientFamily JDK_HTTP_REQUESTS = ClientFamily.anyOf(
            Calls.method(Set.of(JDK_HTTP_REQUEST_BUILDER), "build", 0),
            // or a timeout handler in the class bounds the response future (orTimeout, completeOnTimeout)
            REQUEST_TIMEOUT.or(Waits.FUTURE_TIMEOUTS),
            Calls.method(Set.of(JDK_HTTP_REQUEST), "newBuilder", 2), // a copy of another request
            ClientFamily.NONE,
            call -> "HttpRequest is built without timeout(...) (nothing in the class sets one), so the client waits "
                    + "for the response forever; set HttpRequest.newBuilder().timeout(Duration)");

    // ---- java.net.URLConnection ------------------------------------------------------------------

    private static final Set<String> HTTP_URL_CONNECTIONS = Set.of("java.net.HttpURLConnection",
            "javax.net.ssl.HttpsURLConnection");
    private static final Set<String> URL_CONNECTIONS = Set.of("java.net.URLConnection", "java.net.HttpURLConnection",
            "javax.net.ssl.HttpsURLConnection");

    static final ClientFamily URL_CONNECTIONS_FAMILY = new ClientFamily(
            call -> !isConstructor(call) && owner(call).equals("java.net.URL") && name(call).equals("openConnection"),
            List.of(Calls.method(URL_CONNECTIONS, "setConnectTimeout", 1),
                    Calls.method(URL_CONNECTIONS, "setReadTimeout", 1)),
            List.of("setConnectTimeout", "setReadTimeout"),
            ClientFamily.NONE,
            ClientFamily.NONE,
            // only where the connection is used as an HTTP connection: URL.openConnection also opens
            // class path resources and files, which need no timeouts
            ClientFamilies::usesHttpUrlConnections,
            (call, missing) -> "URL.openConnection() opens an HTTP connection and nothing in the class calls "
                    + String.join(" or ", missing) + "; the JDK's default is to wait forever, so call both "
                    + "setConnectTimeout and setReadTimeout before connecting");

    /** Whether the calls use a connection as an HTTP connection, where CT02 judges URL.openConnection(). */
    static boolean usesHttpUrlConnections(List<JavaCall<?>> calls) {
        return Calls.any(calls, call -> ownerIsA(call, HTTP_URL_CONNECTIONS));
    }

    // ---- Apache HttpClient 4 and 5 ----------------------------------------------------------------

    private static final Set<String> APACHE_FACTORIES = Set.of(
            "org.apache.http.impl.client.HttpClients",
            "org.apache.http.impl.nio.client.HttpAsyncClients",
            "org.apache.hc.client5.http.impl.classic.HttpClients",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClients");
    private static final Set<String> APACHE_BUILDERS = Set.of(
            "org.apache.http.impl.client.HttpClientBuilder",
            "org.apache.http.impl.nio.client.HttpAsyncClientBuilder",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder",
            "org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder");
    private static final Set<String> APACHE_TIMEOUTS = Set.of("setConnectTimeout", "setSocketTimeout",
            "setResponseTimeout", "setSoTimeout");
    private static final Set<String> APACHE_CONFIG_SETTERS = Set.of("setDefaultRequestConfig",
            "setDefaultSocketConfig", "setDefaultConnectionConfig", "setConnectionManager", "setIOReactorConfig",
            "setConfig", "setParams");
    private static final Set<String> APACHE_CONFIGS = Set.of("RequestConfig", "SocketConfig", "ConnectionConfig",
            "IOReactorConfig");
    private static final Set<String> APACHE_CONNECTION_MANAGERS = Set.of("PoolingHttpClientConnectionManager",
            "PoolingAsyncClientConnectionManager", "BasicHttpClientConnectionManager");

    private static boolean isApache(JavaCall<?> call) {
        return ownerIn(call, "org.apache.http.") || ownerIn(call, "org.apache.hc.");
    }

    static final Predicate<JavaCall<?>> APACHE_CREATION = call -> (!isConstructor(call) && arity(call) == 0
            && ((name(call).startsWith("create") && APACHE_FACTORIES.contains(owner(call)))
                    || (name(call).equals("build") && ownerIsA(call, APACHE_BUILDERS))))
            || (isConstructor(call) && arity(call) == 0
                    && owner(call).equals("org.apache.http.impl.client.DefaultHttpClient"));

    static final ClientFamily APACHE_CLIENTS = ClientFamily.anyOf(
            APACHE_CREATION,
            call -> isApache(call) && !isConstructor(call) && APACHE_TIMEOUTS.contains(name(call)),
            call -> isApache(call) && !isConstructor(call) && APACHE_CONFIG_SETTERS.contains(name(call)),
            call -> isApache(call) && ((!isConstructor(call) && APACHE_CONFIGS.contains(simpleName(owner(call)))
                    && Set.of("custom", "copy").contains(name(call)))
                    || (!isConstructor(call) && name(call).equals("create")
                            && simpleName(owner(call)).endsWith("ConnectionManagerBuilder"))
                    || (isConstructor(call) && APACHE_CONNECTION_MANAGERS.contains(simpleName(owner(call))))),
            call -> "Apache HttpClient is created (" + Calls.describe(call) + ") with the default request "
                    + "configuration: nothing in the class sets a connect, socket or response timeout, so a stalled "
                    + "server holds the calling thread forever; build a RequestConfig (HttpClient 5: also a "
                    + "ConnectionConfig) with timeouts and pass it to the builder");

    // ---- Spring RestTemplate ----------------------------------------------------------------------

    private static final String REST_TEMPLATE = "org.springframework.web.client.RestTemplate";

    static final Predicate<JavaCall<?>> REST_TEMPLATE_CREATION = call -> isConstructor(call)
            && owner(call).equals(REST_TEMPLATE);

    static final ClientFamily REST_TEMPLATES = ClientFamily.anyOf(
            REST_TEMPLATE_CREATION,
            call -> !isConstructor(call) && ownerIn(call, "org.springframework.")
                    && Set.of("setConnectTimeout", "setReadTimeout", "connectTimeout", "readTimeout")
                            .contains(name(call)),
            call -> (isConstructor(call) && owner(call).equals(REST_TEMPLATE) && arity(call) == 1
                    && Calls.parameter(call, 0).equals("org.springframework.http.client.ClientHttpRequestFactory"))
                    || (!isConstructor(call) && ownerIn(call, "org.springframework.")
                            && name(call).equals("setRequestFactory")),
            call -> isConstructor(call) && ownerIn(call, "org.springframework.http.client.")
                    && owner(call).endsWith("ClientHttpRequestFactory"),
            call -> "RestTemplate is created with a request factory that has no connect or read timeout (the default "
                    + "SimpleClientHttpRequestFactory waits forever); give it a ClientHttpRequestFactory with "
                    + "setConnectTimeout and setReadTimeout");

    /** Where an HTTP client of CT02 is created (requests and URL connections are not clients). */
    static final Predicate<JavaCall<?>> HTTP_CLIENT_CREATION = JDK_HTTP_CLIENT_CREATION.or(APACHE_CREATION)
            .or(REST_TEMPLATE_CREATION);
}
