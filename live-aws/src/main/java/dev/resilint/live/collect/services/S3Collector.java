package dev.resilint.live.collect.services;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.s3.BucketMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 general purpose buckets, each in the scope of its own region. Bucket names are global, but a
 * bucket lives in one region, is called through that region's endpoint, and delivers access logs
 * only to buckets of its region: so each region's scope lists its own buckets, with
 * {@code ListBuckets} filtered by {@code BucketRegion} (one call per region, paged by
 * {@code MaxBuckets}/{@code ContinuationToken}; S3 answers a region filter only at that region's
 * endpoint, which is where the scope's client calls). This costs one list call per region instead
 * of one per account, and in exchange needs no {@code GetBucketLocation} per bucket and never hands
 * a bucket from one scope to another. Then, per bucket, {@code GetBucketVersioning},
 * {@code GetBucketLogging} (the target buckets of server access logs, which DR05 exempts),
 * {@code GetBucketNotificationConfiguration} (authorised by {@code s3:GetBucketNotification}: the
 * functions, queues and topics the bucket's events go to, which MQ04 reads), and
 * {@code GetBucketTagging} when a rule reads tags or the bucket is not versioned (DR05 exempts CDK's
 * {@code aws-cdk:auto-delete-objects} buckets; a versioned bucket needs no tag for it).
 *
 * <p>A denied {@code ListBuckets} leaves the type unread in the scope. A detail call that fails leaves
 * only what it reads unknown, for that bucket, with the cause: its versioning status, its logging
 * target, its notifications or its tags. A bucket deleted between the calls ({@code NoSuchBucket}) is gone; a bucket
 * without tags answers {@code NoSuchTagSet}, which is no tags.
 */
public final class S3Collector implements Collector {

    /** Buckets per {@code ListBuckets} page (S3 allows 1 to 10,000). */
    static final int PAGE = 1000;

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public List<String> types() {
        return List.of(BucketMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        // ListBuckets is authorised by s3:ListAllMyBuckets
        // and GetBucketNotificationConfiguration by s3:GetBucketNotification
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketVersioning", "s3:GetBucketLogging",
                "s3:GetBucketNotification", "s3:GetBucketTagging");
    }

    @Override
    public void collect(ScopeReader in) {
        S3Client s3 = in.client(S3Client.class, S3Client::builder);
        String region = in.scope().region();
        in.read(types(), () -> {
            List<Bucket> buckets = in.pages("ListBuckets",
                    s3.listBucketsPaginator(r -> r.bucketRegion(region).maxBuckets(PAGE)),
                    ListBucketsResponse::buckets, ListBucketsResponse::continuationToken).stream()
                    .filter(b -> b.name() != null && (b.bucketRegion() == null || b.bucketRegion().equals(region)))
                    .toList();
            in.each(buckets, b -> bucket(in, s3, b)).forEach(b -> b.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> bucket(ScopeReader in, S3Client s3, Bucket b) {
        GetBucketVersioningResponse versioning = null;
        Value.Unknown versioningUnread = null;
        try {
            Optional<GetBucketVersioningResponse> read = in.call("GetBucketVersioning", () -> {
                try {
                    return Optional.of(s3.getBucketVersioning(r -> r.bucket(b.name())));
                } catch (NoSuchBucketException gone) {
                    return Optional.empty();
                }
            });
            if (read.isEmpty()) {
                return Optional.empty();
            }
            versioning = read.get();
        } catch (ReadFailure f) {
            versioningUnread = f.asUnknown();
        }
        GetBucketLoggingResponse logging = null;
        Value.Unknown loggingUnread = null;
        try {
            Optional<GetBucketLoggingResponse> read = in.call("GetBucketLogging", () -> {
                try {
                    return Optional.of(s3.getBucketLogging(r -> r.bucket(b.name())));
                } catch (NoSuchBucketException gone) {
                    return Optional.empty();
                }
            });
            if (read.isEmpty()) {
                return Optional.empty();
            }
            logging = read.get();
        } catch (ReadFailure f) {
            loggingUnread = f.asUnknown();
        }
        GetBucketNotificationConfigurationResponse notifications = null;
        Value.Unknown notificationsUnread = null;
        try {
            Optional<GetBucketNotificationConfigurationResponse> read = in.call("GetBucketNotificationConfiguration",
                    () -> {
                        try {
                            return Optional.of(s3.getBucketNotificationConfiguration(r -> r.bucket(b.name())));
                        } catch (NoSuchBucketException gone) {
                            return Optional.empty();
                        }
                    });
            if (read.isEmpty()) {
                return Optional.empty();
            }
            notifications = read.get();
        } catch (ReadFailure f) {
            notificationsUnread = f.asUnknown();
        }
        boolean versioned = versioning != null && versioning.status() == BucketVersioningStatus.ENABLED;
        TagLookup tags = in.wantsTags() || !versioned ? tags(in, s3, b) : TagLookup.none();
        return Optional.of(BucketMapper.map(in.scope(), b, new BucketMapper.Details(versioning, versioningUnread,
                logging, loggingUnread, notifications, notificationsUnread), tags));
    }

    /** The bucket's tags; a failed call leaves them unknown for this bucket only. */
    private static TagLookup tags(ScopeReader in, S3Client s3, Bucket b) {
        String arn = BucketMapper.arn(in.scope(), b.name());
        try {
            Map<String, String> tags = in.call("GetBucketTagging", () -> {
                try {
                    return Tags.of(s3.getBucketTagging(r -> r.bucket(b.name())).tagSet(), t -> t.key(), t -> t.value());
                } catch (S3Exception e) {
                    if (e.awsErrorDetails() != null && "NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
                        return Map.of();
                    }
                    throw e;
                }
            });
            return TagLookup.of(Map.of(arn, tags));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }

}
