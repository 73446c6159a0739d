package dev.resilint.live.map.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class PermissionMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:worker";
    static final FunctionConfiguration FUNCTION = FunctionConfiguration.builder().functionName("worker").functionArn(FN)
            .build();
    static final String REF = "ref(AWS::Lambda::Function|AWS::Lambda::Alias|AWS::Lambda::Version)";

    @Test
    void eachAllowStatementIsAPermissionOnTheFunctionOrTheQualifierWhosePolicyItIs() {
        String policy = """
                {"Version": "2012-10-17", "Id": "default", "Statement": [
                  {"Sid": "events", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                   "Action": "lambda:InvokeFunction", "Resource": "%1$s:live",
                   "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"}}},
                  {"Sid": "account", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                   "Action": "lambda:InvokeFunction", "Resource": "%1$s:live"},
                  {"Sid": "url", "Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunctionUrl",
                   "Resource": "%1$s:live", "Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}},
                  {"Sid": "never", "Effect": "Deny", "Principal": "*", "Action": "lambda:InvokeFunction",
                   "Resource": "%1$s:live"}]}
                """.formatted(FN);

        List<LiveResource> permissions = PermissionMapper.map(SCOPE, FUNCTION, "live", policy);

        assertThat(permissions).extracting(LiveResource::arn).containsExactly(FN + ":live/policy/events",
                FN + ":live/policy/account", FN + ":live/policy/url");
        assertThat(permissions).allMatch(p -> p.type().equals("AWS::Lambda::Permission") && p.identifiers().isEmpty());
        assertThat(permissions.get(0).name()).isEqualTo("worker:live events");
        assertThat(PropsText.of(permissions.get(0).properties())).isEqualTo("{Action: \"lambda:InvokeFunction\", "
                + "FunctionName: " + REF + "\"" + FN + ":live\", Principal: \"events.amazonaws.com\", "
                + "SourceArn: \"arn:aws:events:eu-west-1:111122223333:rule/nightly\"}");
        assertThat(PropsText.of(PropsText.at(permissions.get(1).properties(), "Principal")))
                .isEqualTo("\"arn:aws:iam::444455556666:root\"");
        assertThat(PropsText.of(permissions.get(2).properties())).isEqualTo("{Action: \"lambda:InvokeFunctionUrl\", "
                + "FunctionName: " + REF + "\"" + FN + ":live\", Principal: \"*\", FunctionUrlAuthType: \"NONE\"}");
    }

    @Test
    void aStatementWithSeveralActionsOrPrincipalsIsOnePermissionForEachPair() {
        String policy = "{\"Statement\": {\"Sid\": \"both\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": "
                + "[\"s3.amazonaws.com\", \"sns.amazonaws.com\"]}, \"Action\": \"lambda:InvokeFunction\", "
                + "\"Resource\": \"" + FN + "\"}}";

        List<LiveResource> permissions = PermissionMapper.map(SCOPE, FUNCTION, null, policy);

        assertThat(permissions).extracting(LiveResource::arn).containsExactly(FN + "/policy/both#0",
                FN + "/policy/both#1");
        assertThat(permissions).extracting(p -> PropsText.of(PropsText.at(p.properties(), "Principal")))
                .containsExactly("\"s3.amazonaws.com\"", "\"sns.amazonaws.com\"");
        assertThat(PropsText.of(PropsText.at(permissions.get(0).properties(), "FunctionName")))
                .isEqualTo(REF + "\"" + FN + "\"");
    }

    @Test
    void aPolicyThatIsNoJsonObjectIsAnErrorAndOneWithoutStatementsGrantsNothing() {
        assertThatThrownBy(() -> PermissionMapper.map(SCOPE, FUNCTION, "live", "not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the policy of function worker:live is not a JSON object");
        assertThat(PermissionMapper.map(SCOPE, FUNCTION, null, "{\"Version\": \"2012-10-17\"}")).isEmpty();
    }
}
