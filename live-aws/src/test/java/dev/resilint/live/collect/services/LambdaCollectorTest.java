package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.lambda.AliasMapper;
import dev.resilint.live.map.lambda.EventInvokeConfigMapper;
import dev.resilint.live.map.lambda.EventSourceMappingMapper;
import dev.resilint.live.map.lambda.FunctionMapper;
import dev.resilint.live.map.lambda.PermissionMapper;
import dev.resilint.live.map.lambda.VersionMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LambdaCollectorTest {

    static final String ACCOUNT = "310987654321";
    static final String REGION = "eu-north-1";
    static final String FN = "arn:aws:lambda:eu-north-1:310987654321:function:";
    static final String QUEUE = "arn:aws:sqs:eu-north-1:310987654321:";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /**
     * Three functions (f1 to f3, timeouts 10, 20, 30 s), each with an alias {@code live} on version 1, that
     * version and {@code $LATEST}, and an invoke configuration; three mappings from queues q1 to q3.
     */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> functions = new ArrayList<>();
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String arn = FN + "f" + i;
            functions.add(Map.of("FunctionName", "f" + i, "FunctionArn", arn, "Timeout", 10 * i, "MemorySize", 128));
            eu.items("lambda", "ListAliases", "FunctionName", arn, List.of(Map.of("AliasArn", arn + ":live",
                    "Name", "live", "FunctionVersion", "1")));
            eu.items("lambda", "ListVersionsByFunction", "FunctionName", arn, List.of(
                    Map.of("FunctionName", "f" + i, "FunctionArn", arn + ":$LATEST", "Version", "$LATEST"),
                    Map.of("FunctionName", "f" + i, "FunctionArn", arn + ":1", "Version", "1")));
            eu.items("lambda", "ListFunctionEventInvokeConfigs", "FunctionName", arn, List.of(Map.of(
                    "FunctionArn", arn + ":$LATEST", "MaximumRetryAttempts", 0, "DestinationConfig",
                    Map.of("OnFailure", Map.of("Destination", QUEUE + "parking-" + i)))));
            mappings.add(Map.of("UUID", "m" + i, "EventSourceArn", QUEUE + "q" + i, "FunctionArn",
                    i == 2 ? arn + ":live" : arn, "State", "Enabled", "BatchSize", 10));
        }
        eu.items("lambda", "ListFunctions", functions).items("lambda", "ListEventSourceMappings", mappings);
        return eu;
    }

    @Test
    void readsFunctionsMappingsAndPerFunctionListingsWithinTheCallBudget() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources(FunctionMapper.TYPE)).hasSize(3);
        assertThat(run.resources(AliasMapper.TYPE)).extracting(r -> r.arn())
                .containsExactlyInAnyOrder(FN + "f1:live", FN + "f2:live", FN + "f3:live");
        assertThat(run.resources(VersionMapper.TYPE)).extracting(r -> r.arn())
                .containsExactlyInAnyOrder(FN + "f1:1", FN + "f2:1", FN + "f3:1");
        assertThat(run.resources(EventInvokeConfigMapper.TYPE)).hasSize(3);
        assertThat(run.resources(EventSourceMappingMapper.TYPE)).hasSize(3);
        assertThat(run.resources(PermissionMapper.TYPE)).isEmpty();
        assertThat(run.completeness().values()).hasSize(6).allMatch(Optional::isEmpty);
        assertThat(PropsText.of(run.resource(FN + "f3").properties()))
                .isEqualTo("{FunctionName: \"f3\", MemorySize: 128, Timeout: 30}");
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lambda:ListFunctions", 2L, "lambda:ListEventSourceMappings", 2L, "lambda:ListAliases", 3L,
                "lambda:ListVersionsByFunction", 3L, "lambda:ListFunctionEventInvokeConfigs", 3L,
                // the policies of each function, its alias and its version (none has one: not found)
                "lambda:GetPolicy", 9L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void perFunctionCallsOnlyForTheTypesTheScanNeeds() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false,
                FunctionMapper.TYPE, EventSourceMappingMapper.TYPE);

        assertThat(run.completeness().keySet()).containsExactlyInAnyOrder(FunctionMapper.TYPE,
                EventSourceMappingMapper.TYPE);
        assertThat(FAKE.calls().counts()).containsOnlyKeys("lambda:ListFunctions", "lambda:ListEventSourceMappings");

        FAKE.calls().clear();
        ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false, EventSourceMappingMapper.TYPE);
        assertThat(FAKE.calls().counts()).containsOnlyKeys("lambda:ListEventSourceMappings");
    }

    @Test
    void tagsCostOneCallPerFunctionAndAFailedOneLeavesOnlyThatFunctionsTagsUnknown() {
        serve().answer("lambda", "ListTags", "Resource", FN + "f1", Map.of("Tags", Map.of("team", "a")))
                .answer("lambda", "ListTags", "Resource", FN + "f3", Map.of("Tags", Map.of()))
                .fail("lambda", "ListTags", "Resource", FN + "f2", new AwsError("AccessDeniedException", 403, "no"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, true, FunctionMapper.TYPE);

        assertThat(FAKE.calls().count("lambda", "ListTags")).isEqualTo(3);
        assertThat(PropsText.of(PropsText.at(run.resource(FN + "f1").properties(), "Tags")))
                .isEqualTo("[{Key: \"team\", Value: \"a\"}]");
        assertThat(PropsText.of(PropsText.at(run.resource(FN + "f2").properties(), "Tags"))).isEqualTo("unknown(ACCESS_DENIED)");
        assertThat(run.resource(FN + "f2").unread()).isEmpty();
        assertThat(run.completeness().get(FunctionMapper.TYPE)).isEmpty();
    }

    @Test
    void accessDeniedOnListFunctionsMakesTheFunctionTypesGapsAndTheMappingsAreStillRead() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("lambda", "ListFunctions"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources()).extracting(r -> r.type()).containsOnly(EventSourceMappingMapper.TYPE).hasSize(3);
        for (String type : List.of(FunctionMapper.TYPE, AliasMapper.TYPE, VersionMapper.TYPE, EventInvokeConfigMapper.TYPE,
                PermissionMapper.TYPE)) {
            assertThat(run.completeness().get(type)).as(type).hasValueSatisfying(g ->
                    assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED));
        }
        assertThat(run.completeness().get(EventSourceMappingMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().count("lambda", "ListAliases")).isZero();
    }

    @Test
    void aFailedAliasListingForOneFunctionMakesTheAliasTypeAGapAndTheOtherRulesStillJudge() {
        serve().fail("lambda", "ListAliases", "FunctionName", FN + "f2",
                new AwsError("AccessDeniedException", 403, "not on f2"));
        FAKE.account(ACCOUNT).region(REGION).items("sqs", "ListQueues", List.of(
                "https://sqs.eu-north-1.amazonaws.com/310987654321/q1"));
        FAKE.account(ACCOUNT).region(REGION).answer("sqs", "GetQueueAttributes", "QueueUrl",
                "https://sqs.eu-north-1.amazonaws.com/310987654321/q1", Map.of("Attributes", Map.of(
                        "QueueArn", QUEUE + "q1", "VisibilityTimeout", "30")));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false);

        assertThat(run.completeness().get(AliasMapper.TYPE)).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.detail()).contains("ListAliases");
        });
        assertThat(run.completeness().get(VersionMapper.TYPE)).isEmpty();
        assertThat(run.resources(FunctionMapper.TYPE)).hasSize(3);

        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        // MQ03 needs the aliases (f2's mapping goes through one), and MQ08 (a task's Ref to an alias is no
        // activity); DP04 declares them (it judges aliases in templates only); MQ04 too, and the permissions of
        // the aliases it could not list; MQ01 does not, and judges q1
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly("DP04 AWS::Lambda::Alias * ACCESS_DENIED",
                "MQ03 AWS::Lambda::Alias * ACCESS_DENIED", "MQ04 AWS::Lambda::Alias * ACCESS_DENIED",
                "MQ04 AWS::Lambda::Permission * ACCESS_DENIED", "MQ08 AWS::Lambda::Alias * ACCESS_DENIED",
                "TO02 AWS::Lambda::Alias * ACCESS_DENIED");
        assertThat(ScanOfOne.findings(results)).containsExactly("MQ01 " + QUEUE + "q1");
    }

    @Test
    void aFunctionDeletedSinceItWasListedHasNothingAndTheTypesStayComplete() {
        serve().fail("lambda", "ListAliases", "FunctionName", FN + "f3",
                        new AwsError("ResourceNotFoundException", 404, "Function not found: " + FN + "f3"))
                .fail("lambda", "ListVersionsByFunction", "FunctionName", FN + "f3",
                        new AwsError("ResourceNotFoundException", 404, "Function not found: " + FN + "f3"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources(AliasMapper.TYPE)).extracting(r -> r.arn())
                .containsExactlyInAnyOrder(FN + "f1:live", FN + "f2:live");
        assertThat(run.resources(VersionMapper.TYPE)).hasSize(2);
        assertThat(run.completeness().values()).allMatch(Optional::isEmpty);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAThrottledGap() {
        serve();
        FAKE.inject(Fault.throttle().on("lambda", "ListEventSourceMappings"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false,
                EventSourceMappingMapper.TYPE);

        assertThat(run.completeness().get(EventSourceMappingMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.THROTTLED));
        // every attempt of the one call, none more
        assertThat(FAKE.calls().count("lambda", "ListEventSourceMappings"))
                .isEqualTo(Scans.clients(FAKE).maxAttempts());
    }

    /** A policy document with one statement granting {@code principal} the invocation of {@code resource}. */
    static String policy(String sid, String principal, String resource, String sourceArn) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"" + sid + "\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"" + principal + "\"},"
                + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + resource + "\",\"Condition\":{"
                + "\"StringEquals\":{\"AWS:SourceAccount\":\"" + ACCOUNT + "\"},"
                + "\"ArnLike\":{\"AWS:SourceArn\":\"" + sourceArn + "\"}}}]}";
    }

    /** GetPolicy answers by function and qualifier; what is not listed has no policy (not found, as Lambda says). */
    static void policies(FakeRegion eu, Map<String, String> byQualifiedArn) {
        eu.handler("lambda", "GetPolicy", in -> {
            String arn = in.get("FunctionName") + (in.get("Qualifier") == null ? "" : ":" + in.get("Qualifier"));
            String policy = byQualifiedArn.get(arn);
            if (policy == null) {
                throw new AwsError("ResourceNotFoundException", 404, "The resource you requested does not exist.");
            }
            return Map.of("Policy", policy, "RevisionId", "r-1");
        });
    }

    @Test
    void permissionsAreReadFromThePoliciesOfEachFunctionAliasAndVersionAndNoPolicyIsNoPermission() {
        FakeRegion eu = serve();
        policies(eu, Map.of(
                FN + "f1", policy("s3-invoke", "s3.amazonaws.com", FN + "f1", "arn:aws:s3:::uploads"),
                FN + "f2:live", policy("sns-invoke", "sns.amazonaws.com", FN + "f2:live",
                        "arn:aws:sns:eu-north-1:310987654321:orders"),
                FN + "f3:1", policy("logs-invoke", "logs.amazonaws.com", FN + "f3:1",
                        "arn:aws:logs:eu-north-1:310987654321:log-group:app:*")));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false, FunctionMapper.TYPE,
                PermissionMapper.TYPE);

        // each policy is asked for the function and for each qualifier listed, though aliases and versions
        // themselves are not wanted
        assertThat(FAKE.calls().count("lambda", "GetPolicy")).isEqualTo(9);
        assertThat(run.resources(AliasMapper.TYPE)).isEmpty();
        assertThat(run.resources(PermissionMapper.TYPE)).extracting(r -> r.arn()).containsExactlyInAnyOrder(
                FN + "f1/policy/s3-invoke", FN + "f2:live/policy/sns-invoke", FN + "f3:1/policy/logs-invoke");
        assertThat(PropsText.of(run.resource(FN + "f1/policy/s3-invoke").properties())).isEqualTo(
                "{Action: \"lambda:InvokeFunction\", FunctionName: ref(AWS::Lambda::Function|AWS::Lambda::Alias|"
                        + "AWS::Lambda::Version)\"" + FN + "f1\", Principal: \"s3.amazonaws.com\", "
                        + "SourceArn: \"arn:aws:s3:::uploads\", SourceAccount: \"" + ACCOUNT + "\"}");
        assertThat(PropsText.of(PropsText.at(run.resource(FN + "f2:live/policy/sns-invoke").properties(),
                "FunctionName"))).endsWith("\"" + FN + "f2:live\"");
        assertThat(run.resource(FN + "f3:1/policy/logs-invoke").name()).isEqualTo("f3:1 logs-invoke");
        assertThat(run.completeness().get(PermissionMapper.TYPE)).isEmpty();
    }

    @Test
    void aDeniedGetPolicyLeavesThePermissionsUnreadNamingTheCallAndMq04IsNotEvaluatedThere() {
        FakeRegion eu = serve();
        eu.fail("lambda", "GetPolicy", "FunctionName", FN + "f2",
                new AwsError("AccessDeniedException", 403, "not authorized to perform: lambda:GetPolicy"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false);

        assertThat(run.completeness().get(PermissionMapper.TYPE)).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.detail()).contains("GetPolicy");
        });
        assertThat(run.completeness().get(FunctionMapper.TYPE)).isEmpty();
        assertThat(run.resources(FunctionMapper.TYPE)).hasSize(3);

        // none of the functions has a dead-letter queue: an unread permission may be an asynchronous caller,
        // so MQ04 is not evaluated in the account region rather than passing them
        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("MQ04"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("MQ04")).singleElement().satisfies(n -> {
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
            assertThat(n.resourceType()).isEqualTo(PermissionMapper.TYPE);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("GetPolicy");
        });
    }

    @Test
    void aPolicyThatIsNotJsonLeavesThePermissionsUnreadNeverEmpty() {
        FakeRegion eu = serve();
        policies(eu, Map.of(FN + "f1", "not a policy"));

        ScanOfOne run = ScanOfOne.of(FAKE, new LambdaCollector(), ACCOUNT, REGION, false, PermissionMapper.TYPE);

        assertThat(run.completeness().get(PermissionMapper.TYPE)).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ERROR);
            assertThat(g.detail()).contains("the policy of function f1 is not a JSON object");
        });
    }
}
