package dev.resilint.live.map.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

class AliasVersionAndInvokeConfigMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:worker";
    static final FunctionConfiguration FUNCTION = FunctionConfiguration.builder().functionName("worker").functionArn(FN)
            .build();

    @Test
    void anAliasRefersToItsFunctionAndIsKnownByItsArn() {
        LiveResource a = AliasMapper.map(SCOPE, FUNCTION, AliasConfiguration.builder().aliasArn(FN + ":live")
                .name("live").functionVersion("7").description("")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("8", 0.1))).build());

        assertThat(a.type()).isEqualTo("AWS::Lambda::Alias");
        assertThat(a.arn()).isEqualTo(FN + ":live");
        assertThat(a.name()).isEqualTo("worker:live");
        assertThat(PropsText.of(a.properties())).isEqualTo("{FunctionName: ref(AWS::Lambda::Function)\"" + FN + "\", "
                + "FunctionVersion: \"7\", Name: \"live\", "
                + "RoutingConfig: {AdditionalVersionWeights: [{FunctionVersion: \"8\", FunctionWeight: 0.1}]}}");
        assertThat(a.identifiers()).containsExactly(Map.entry(FN + ":live", ""));
    }

    @Test
    void aPublishedVersionRefersToItsFunctionAndLatestIsNoVersion() {
        LiveResource v = VersionMapper.map(SCOPE, FUNCTION, FunctionConfiguration.builder().functionName("worker")
                .functionArn(FN + ":7").version("7").description("release 7").codeSha256("abc=").build()).orElseThrow();

        assertThat(v.type()).isEqualTo("AWS::Lambda::Version");
        assertThat(v.arn()).isEqualTo(FN + ":7");
        assertThat(v.name()).isEqualTo("worker:7");
        assertThat(PropsText.of(v.properties())).isEqualTo("{FunctionName: ref(AWS::Lambda::Function)\"" + FN + "\", "
                + "Description: \"release 7\", CodeSha256: \"abc=\"}");
        assertThat(v.identifiers()).containsExactly(Map.entry(FN + ":7", ""));
        assertThat(VersionMapper.map(SCOPE, FUNCTION, FunctionConfiguration.builder().functionArn(FN + ":$LATEST")
                .version("$LATEST").build())).isEmpty();
    }

    @Test
    void anInvokeConfigHasItsQualifierAndDestinationsAndAnArnOfItsOwn() {
        LiveResource c = EventInvokeConfigMapper.map(SCOPE, FUNCTION, FunctionEventInvokeConfig.builder()
                .functionArn(FN + ":$LATEST").maximumRetryAttempts(1).maximumEventAgeInSeconds(600)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:eu-west-1:111122223333:async-parking"))
                        .onSuccess(s -> s.destination("arn:aws:sns:eu-west-1:111122223333:done")))
                .build());

        assertThat(c.type()).isEqualTo("AWS::Lambda::EventInvokeConfig");
        assertThat(c.arn()).isEqualTo(FN + ":$LATEST/event-invoke-config");
        String types = "AWS::SQS::Queue|AWS::SNS::Topic|AWS::Lambda::Function|AWS::Events::EventBus|AWS::S3::Bucket";
        assertThat(PropsText.of(c.properties())).isEqualTo("{FunctionName: ref(AWS::Lambda::Function)\"" + FN + "\", "
                + "Qualifier: \"$LATEST\", MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 1, DestinationConfig: {"
                + "OnSuccess: {Destination: ref(" + types + ")\"arn:aws:sns:eu-west-1:111122223333:done\"}, "
                + "OnFailure: {Destination: ref(" + types + ")\"arn:aws:sqs:eu-west-1:111122223333:async-parking\"}}}");
        assertThat(EventInvokeConfigMapper.map(SCOPE, FUNCTION, FunctionEventInvokeConfig.builder().functionArn(FN)
                .build()).arn()).isEqualTo(FN + ":$LATEST/event-invoke-config");
        assertThat(EventInvokeConfigMapper.map(SCOPE, FUNCTION, FunctionEventInvokeConfig.builder()
                .functionArn(FN + ":live").build()).properties().get("Qualifier").map(PropsText::of)).contains("\"live\"");
    }
}
