package dev.resilint.live.map.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.TracingMode;

class FunctionMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:lambda:eu-west-1:111122223333:function:worker";

    @Test
    void aFunctionWithItsTimeoutDeadLetterQueueAndVpc() {
        FunctionConfiguration f = FunctionConfiguration.builder().functionName("worker").functionArn(ARN)
                .runtime("java21").handler("app.Handler").role("arn:aws:iam::111122223333:role/worker")
                .memorySize(512).timeout(60).description("").packageType("Zip").architectures(Architecture.ARM64)
                .deadLetterConfig(d -> d.targetArn("arn:aws:sqs:eu-west-1:111122223333:worker-parking"))
                .vpcConfig(v -> v.subnetIds("subnet-a", "subnet-b").securityGroupIds("sg-1").vpcId("vpc-1"))
                .tracingConfig(t -> t.mode(TracingMode.ACTIVE)).ephemeralStorage(e -> e.size(512))
                .environment(e -> e.variables(Map.of("DB_PASSWORD", "secret")))
                .layers(l -> l.arn("arn:aws:lambda:eu-west-1:111122223333:layer:libs:3"))
                .build();

        LiveResource fn = FunctionMapper.map(SCOPE, f, TagLookup.of(Map.of(ARN, Map.of("team", "orders"))));

        assertThat(fn.type()).isEqualTo("AWS::Lambda::Function");
        assertThat(fn.arn()).isEqualTo(ARN);
        assertThat(fn.name()).isEqualTo("worker");
        assertThat(PropsText.of(fn.properties())).isEqualTo("{FunctionName: \"worker\", Runtime: \"java21\", "
                + "Handler: \"app.Handler\", Role: \"arn:aws:iam::111122223333:role/worker\", PackageType: \"Zip\", "
                + "Architectures: [\"arm64\"], MemorySize: 512, Timeout: 60, "
                + "Layers: [\"arn:aws:lambda:eu-west-1:111122223333:layer:libs:3\"], "
                + "DeadLetterConfig: {TargetArn: ref(AWS::SQS::Queue|AWS::SNS::Topic)\"arn:aws:sqs:eu-west-1:111122223333:worker-parking\"}, "
                + "VpcConfig: {SubnetIds: [ref(AWS::EC2::Subnet)\"subnet-a\", ref(AWS::EC2::Subnet)\"subnet-b\"], "
                + "SecurityGroupIds: [ref(AWS::EC2::SecurityGroup)\"sg-1\"]}, TracingConfig: {Mode: \"Active\"}, "
                + "EphemeralStorage: {Size: 512}, Tags: [{Key: \"team\", Value: \"orders\"}]}");
        assertThat(fn.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("worker", "", ARN, "Arn"));
    }

    @Test
    void aFunctionOutsideAVpcHasNoVpcConfigAndNoDeadLetterConfig() {
        FunctionConfiguration f = FunctionConfiguration.builder().functionName("worker").functionArn(ARN).timeout(3)
                .vpcConfig(v -> v.vpcId("")).deadLetterConfig(d -> { }).build();

        assertThat(PropsText.of(FunctionMapper.map(SCOPE, f, TagLookup.none()).properties()))
                .isEqualTo("{FunctionName: \"worker\", Timeout: 3}");
    }

    @Test
    void namesAndQualifiersOfFunctionArns() {
        assertThat(FunctionMapper.nameOf(ARN + ":live")).isEqualTo("worker");
        assertThat(FunctionMapper.nameOf("worker")).isEqualTo("worker");
        assertThat(FunctionMapper.qualifierOf(ARN + ":$LATEST")).isEqualTo("$LATEST");
        assertThat(FunctionMapper.qualifierOf(ARN)).isEmpty();
    }
}
