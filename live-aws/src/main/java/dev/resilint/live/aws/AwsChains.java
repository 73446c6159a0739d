package dev.resilint.live.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The AWS SDK's default chains for credentials and region (environment, system properties,
 * profiles, SSO, web identity, container and instance metadata), or one profile's. The command line
 * reaches the SDK only through here and the scan, so that its other commands never load it.
 */
public final class AwsChains {

    private AwsChains() {
    }

    /** The default credentials chain, or the named profile's credentials. */
    public static AwsCredentialsProvider credentials(Optional<String> profile) {
        return profile.<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** The region of the default chain (or of the profile), empty when it names none. */
    public static Optional<String> region(Optional<String> profile) {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            return Optional.of(chain.build().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }
}
