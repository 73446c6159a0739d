package dev.resilint.live.map.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

class BucketMapperTest {

    static final Scope EU = new Scope("111122223333", "eu-west-1");
    static final Bucket ORDERS = Bucket.builder().name("orders").bucketRegion("eu-west-1").build();

    @Test
    void aBucketIsKnownByItsNameAndItsPartitionsArn() {
        LiveResource r = BucketMapper.map(EU, ORDERS, new BucketMapper.Details(
                GetBucketVersioningResponse.builder().status("Enabled").build(), null,
                GetBucketLoggingResponse.builder().build(), null,
                GetBucketNotificationConfigurationResponse.builder().build(), null), TagLookup.of(Map.of("arn:aws:s3:::orders",
                        Map.of("team", "orders"))));

        assertThat(r.type()).isEqualTo("AWS::S3::Bucket");
        assertThat(r.arn()).isEqualTo("arn:aws:s3:::orders");
        assertThat(r.identifiers()).isEqualTo(Map.of("orders", "", "arn:aws:s3:::orders", "Arn"));
        assertThat(PropsText.of(r.properties())).isEqualTo("{BucketName: \"orders\", VersioningConfiguration: "
                + "{Status: \"Enabled\"}, Tags: [{Key: \"team\", Value: \"orders\"}]}");
        assertThat(BucketMapper.arn(new Scope("111122223333", "cn-north-1"), "orders")).isEqualTo("arn:aws-cn:s3:::orders");
    }

    @Test
    void aFailedDetailLeavesOnlyItsOwnPropertyUnknown() {
        Value.Unknown denied = Value.unknown(Value.Reason.ACCESS_DENIED, "GetBucketLogging: AccessDenied (Access Denied)");

        LiveResource r = BucketMapper.map(EU, ORDERS, new BucketMapper.Details(
                GetBucketVersioningResponse.builder().build(), null, null, denied,
                GetBucketNotificationConfigurationResponse.builder().build(), null), TagLookup.none());

        // never versioned: no VersioningConfiguration, as a template that does not set it
        // (the unknown's detail, which names the bucket, is what DR05 reports: S3CollectorTest)
        assertThat(PropsText.of(r.properties())).isEqualTo("{BucketName: \"orders\", LoggingConfiguration: "
                + "{DestinationBucketName: unknown(ACCESS_DENIED)}}");
        assertThat(r.unread()).isEmpty();
    }

    @Test
    void lambdaNotificationsAreOneEntryPerEventWithTheFunctionAsAReference() {
        LiveResource r = BucketMapper.map(EU, ORDERS, new BucketMapper.Details(
                GetBucketVersioningResponse.builder().build(), null, GetBucketLoggingResponse.builder().build(), null,
                GetBucketNotificationConfigurationResponse.builder()
                        .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().id("thumbs")
                                .lambdaFunctionArn("arn:aws:lambda:eu-west-1:111122223333:function:thumbs:live")
                                .eventsWithStrings("s3:ObjectCreated:*", "s3:ObjectRemoved:*")
                                .filter(f -> f.key(k -> k.filterRules(FilterRule.builder().name("Prefix")
                                        .value("images/").build()))).build())
                        .queueConfigurations(q -> q.queueArn("arn:aws:sqs:eu-west-1:111122223333:audit")
                                .eventsWithStrings("s3:ObjectCreated:Put"))
                        .eventBridgeConfiguration(e -> { })
                        .build(), null), TagLookup.none());

        assertThat(PropsText.of(r.properties())).isEqualTo("{BucketName: \"orders\", NotificationConfiguration: "
                + "{LambdaConfigurations: [{Event: \"s3:ObjectCreated:*\", Function: "
                + "ref(AWS::Lambda::Function|AWS::Lambda::Alias|AWS::Lambda::Version)\"arn:aws:lambda:eu-west-1:111122223333:function:thumbs:live\", Filter: {S3Key: {Rules: "
                + "[{Name: \"Prefix\", Value: \"images/\"}]}}}, {Event: \"s3:ObjectRemoved:*\", Function: "
                + "ref(AWS::Lambda::Function|AWS::Lambda::Alias|AWS::Lambda::Version)\"arn:aws:lambda:eu-west-1:111122223333:function:thumbs:live\", Filter: {S3Key: {Rules: "
                + "[{Name: \"Prefix\", Value: \"images/\"}]}}}], QueueConfigurations: [{Event: "
                + "\"s3:ObjectCreated:Put\", Queue: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:audit\"}], "
                + "EventBridgeConfiguration: {EventBridgeEnabled: true}}}");
    }

    @Test
    void notificationsThatCouldNotBeReadAreUnknownNotAbsent() {
        Value.Unknown denied = Value.unknown(Value.Reason.ACCESS_DENIED,
                "GetBucketNotificationConfiguration: AccessDenied (Access Denied)");

        LiveResource r = BucketMapper.map(EU, ORDERS, new BucketMapper.Details(
                GetBucketVersioningResponse.builder().build(), null, GetBucketLoggingResponse.builder().build(), null,
                null, denied), TagLookup.none());

        assertThat(PropsText.of(r.properties())).isEqualTo("{BucketName: \"orders\", NotificationConfiguration: "
                + "unknown(ACCESS_DENIED)}");
    }
}
