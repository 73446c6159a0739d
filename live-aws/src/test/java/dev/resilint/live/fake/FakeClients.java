package dev.resilint.live.fake;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/** Builds SDK clients against a fake: endpoint override, credentials, region, HTTP client, retry strategy. */
final class FakeClients implements AutoCloseable {
    private final URI endpoint;
    private final SdkHttpClient httpClient;

    FakeClients(URI endpoint) {
        this.endpoint = endpoint;
        this.httpClient = UrlConnectionHttpClient.builder()
                                                 .connectionTimeout(Duration.ofSeconds(1))
                                                 .socketTimeout(Duration.ofSeconds(5))
                                                 .build();
    }

    /** The SDK's standard retry strategy with its AWS retry conditions, 3 attempts, no delay between them. */
    static RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                               .maxAttempts(maxAttempts)
                               .backoffStrategy(BackoffStrategy.retryImmediately())
                               .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                               .circuitBreakerEnabled(false)
                               .build();
    }

    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
                                                                                    AwsCredentialsProvider credentials,
                                                                                    String region) {
        builder.endpointOverride(endpoint);
        builder.credentialsProvider(credentials);
        builder.region(Region.of(region));
        builder.httpClient(httpClient);
        builder.overrideConfiguration(o -> o.retryStrategy(retryStrategy(3)));
        if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
            // the fake has one host name: buckets go in the path, not in a virtual host
            s3.forcePathStyle(true);
        }
        return builder;
    }

    SdkHttpClient httpClient() {
        return httpClient;
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
