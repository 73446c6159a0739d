package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The JSON 1.0 (SQS, DynamoDB, Step Functions) and 1.1 (ECS, CodeDeploy, Organizations, Application Auto
 * Scaling) protocols.
 */
class JsonProtocolTest {
    private static final String ACCOUNT = "333333333333";
    private static final String REGION = "us-west-2";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private static FakeRegion region() {
        return FAKE.account(ACCOUNT).region(REGION);
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    @Test
    void sqsListQueuesPagesOnlyWhenMaxResultsIsSetThenReadsAttributes() {
        List<String> urls = names("https://sqs.us-west-2.amazonaws.com/333333333333/q", 5);
        region().items("sqs", "ListQueues", urls)
                .answer("sqs", "GetQueueAttributes", "QueueUrl", urls.get(0), Map.of("Attributes", Map.of(
                    "QueueArn", "arn:aws:sqs:us-west-2:333333333333:q1", "VisibilityTimeout", "30",
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-west-2:333333333333:dlq\",\"maxReceiveCount\":5}")));
        SqsClient sqs = FAKE.client(SqsClient.builder(), ACCOUNT, REGION);

        List<ListQueuesResponse> pages = sqs.listQueuesPaginator(b -> b.maxResults(1000)).stream().toList();
        ListQueuesResponse unpaged = sqs.listQueues();
        Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(urls.get(0))
                                                                      .attributeNames(QueueAttributeName.ALL))
                                            .attributesAsStrings();

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(p -> p.queueUrls().stream())).containsExactlyElementsOf(urls);
        assertThat(unpaged.queueUrls()).containsExactlyElementsOf(urls);
        assertThat(unpaged.nextToken()).isNull();
        assertThat(attributes).containsEntry("VisibilityTimeout", "30").containsKey("RedrivePolicy");
    }

    @Test
    void sqsErrorsCarryTheQueryErrorCodeHeader() {
        region().fail("sqs", "GetQueueAttributes", "QueueUrl", "https://sqs/gone",
                      new AwsError("AWS.SimpleQueueService.NonExistentQueue", 400, "The specified queue does not exist.")
                          .withJsonType("com.amazonaws.sqs#QueueDoesNotExist"));
        FAKE.inject(Fault.error("AccessDenied", 403).on("sqs", "ListQueueTags"));
        SqsClient sqs = FAKE.client(SqsClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(() -> sqs.getQueueAttributes(b -> b.queueUrl("https://sqs/gone")))
            .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
            });
        assertThatThrownBy(() -> sqs.listQueueTags(b -> b.queueUrl("https://sqs/q1")))
            .isInstanceOfSatisfying(SqsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.statusCode()).isEqualTo(403);
            });
    }

    @Test
    void dynamodbListTablesPagesByTheLastTableNameAndDescribesTables() {
        region().items("dynamodb", "ListTables", names("table-", 5))
                .answer("dynamodb", "DescribeTable", "TableName", "table-2", Map.of("Table", Map.of(
                    "TableName", "table-2", "DeletionProtectionEnabled", true,
                    "BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST"),
                    "CreationDateTime", Instant.parse("2023-03-04T05:06:07.890Z"))))
                .fail("dynamodb", "DescribeTable", "TableName", "table-9",
                      new AwsError("ResourceNotFoundException", 400, "Requested resource not found")
                          .withJsonType("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"));
        DynamoDbClient dynamodb = FAKE.client(DynamoDbClient.builder(), ACCOUNT, REGION);

        List<ListTablesResponse> pages = dynamodb.listTablesPaginator().stream().toList();
        TableDescription table = dynamodb.describeTable(b -> b.tableName("table-2")).table();

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).lastEvaluatedTableName()).isEqualTo("table-2");
        assertThat(pages.stream().flatMap(p -> p.tableNames().stream())).containsExactlyElementsOf(names("table-", 5));
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.creationDateTime()).isEqualTo(Instant.parse("2023-03-04T05:06:07.890Z"));
        assertThatThrownBy(() -> dynamodb.describeTable(b -> b.tableName("table-9")))
            .isInstanceOfSatisfying(ResourceNotFoundException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void ecsListsServicesPerClusterAndDescribesThemInBatches() {
        String cluster = "arn:aws:ecs:us-west-2:333333333333:cluster/web";
        List<String> arns = names("arn:aws:ecs:us-west-2:333333333333:service/web/svc-", 3);
        List<Object> describeInputs = new ArrayList<>();
        region().items("ecs", "ListClusters", List.of(cluster))
                .batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(
                    Map.of("clusterArn", cluster, "clusterName", "web", "capacityProviders", List.of("FARGATE")),
                    Map.of("clusterArn", "arn:other", "clusterName", "other")))
                .items("ecs", "ListServices", "cluster", cluster, arns)
                .handler("ecs", "DescribeServices", input -> {
                    describeInputs.add(input);
                    List<Map<String, Object>> services = new ArrayList<>();
                    for (Object arn : (List<?>) input.get("services")) {
                        services.add(Map.of("serviceArn", arn, "desiredCount", 2, "deploymentConfiguration",
                                            Map.of("deploymentCircuitBreaker", Map.of("enable", true, "rollback", true)),
                                            "deploymentController", Map.of("type", "ECS")));
                    }
                    return Map.of("services", services);
                });
        EcsClient ecs = FAKE.client(EcsClient.builder(), ACCOUNT, REGION);

        List<String> clusters = ecs.listClustersPaginator().clusterArns().stream().toList();
        List<String> described = ecs.describeClusters(b -> b.clusters(clusters)).clusters().stream()
                                    .map(c -> c.clusterName() + ":" + c.capacityProviders()).toList();
        List<ListServicesResponse> pages = ecs.listServicesPaginator(b -> b.cluster(cluster)).stream().toList();
        List<String> serviceArns = pages.stream().flatMap(p -> p.serviceArns().stream()).toList();
        List<Service> services = ecs.describeServices(b -> b.cluster(cluster).services(serviceArns)
                                                            .includeWithStrings("TAGS")).services();

        assertThat(clusters).containsExactly(cluster);
        assertThat(described).containsExactly("web:[FARGATE]");
        assertThat(pages).hasSize(2);
        assertThat(serviceArns).containsExactlyElementsOf(arns);
        assertThat(ecs.listServices(b -> b.cluster("arn:other")).serviceArns()).isEmpty();
        assertThat(services).extracting(Service::serviceArn).containsExactlyElementsOf(arns);
        assertThat(services.get(0).deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
        assertThat(describeInputs).singleElement().isEqualTo(Map.of("cluster", cluster, "services", arns,
                                                                    "include", List.of("TAGS")));
    }

    @Test
    void applicationAutoScalingPagesTheTargetsOfTheAskedNamespaceAndAnswersModelledErrors() {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (String name : names("t", 5)) {
            targets.add(Map.of("ServiceNamespace", "dynamodb", "ResourceId", "table/" + name,
                               "ScalableDimension", "dynamodb:table:ReadCapacityUnits", "MinCapacity", 1,
                               "MaxCapacity", 10, "RoleARN", "arn:aws:iam::333333333333:role/s",
                               "CreationTime", Instant.parse("2024-01-01T00:00:00Z")));
        }
        region().items("application-autoscaling", "DescribeScalableTargets", "ServiceNamespace", "dynamodb", targets);
        ApplicationAutoScalingClient aas = FAKE.client(ApplicationAutoScalingClient.builder(), ACCOUNT, REGION);

        List<ScalableTarget> read = aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB))
                                       .scalableTargets().stream().toList();
        List<ScalableTarget> ecs = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                                      .scalableTargets();

        assertThat(read).extracting(ScalableTarget::resourceId).containsExactly("table/t1", "table/t2", "table/t3",
                                                                                "table/t4", "table/t5");
        assertThat(read.get(0).creationTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(ecs).isEmpty();
        assertThat(FAKE.calls().count("application-autoscaling", "DescribeScalableTargets")).isEqualTo(4);
        assertThat(FAKE.calls().iamActions()).containsExactly("application-autoscaling:DescribeScalableTargets");

        FAKE.inject(Fault.error("ValidationException", 400).on("application-autoscaling", "DescribeScalableTargets"));
        assertThatThrownBy(() -> aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)))
            .isInstanceOf(ValidationException.class);
    }

    @Test
    void ecsModelledErrorsComeBackAsTheirExceptions() {
        FAKE.inject(Fault.error("ClusterNotFoundException", 400).on("ecs", "ListServices"));

        assertThatThrownBy(() -> FAKE.client(EcsClient.builder(), ACCOUNT, REGION).listServices(b -> b.cluster("x")))
            .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void organizationsListAccountsLoopsOverEmptyPagesUntilNoToken() {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            accounts.add(Map.of("Id", "44444444444" + i, "Name", "member-" + i, "State", "ACTIVE",
                                "JoinedTimestamp", Instant.parse("2020-01-0" + i + "T00:00:00Z")));
        }
        FAKE.account(ACCOUNT).items("organizations", "ListAccounts", accounts);
        FAKE.inject(Fault.emptyPages().on("organizations"));
        OrganizationsClient organizations = FAKE.client(OrganizationsClient.builder(), ACCOUNT, "us-east-1");

        List<ListAccountsResponse> pages = organizations.listAccountsPaginator().stream().toList();

        assertThat(pages).extracting(p -> p.accounts().size()).containsExactly(0, 2, 0, 1);
        assertThat(pages.stream().flatMap(p -> p.accounts().stream())).extracting(Account::id, Account::stateAsString)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("444444444441", "ACTIVE"),
                             org.assertj.core.groups.Tuple.tuple("444444444442", "ACTIVE"),
                             org.assertj.core.groups.Tuple.tuple("444444444443", "ACTIVE"));
        assertThat(pages.get(3).accounts().get(0).joinedTimestamp()).isEqualTo(Instant.parse("2020-01-03T00:00:00Z"));
    }

    @Test
    void stepFunctionsAndCodeDeployAnswerListsAndDetails() {
        String arn = "arn:aws:states:us-west-2:333333333333:stateMachine:orders";
        region().items("states", "ListStateMachines", List.of(Map.of("stateMachineArn", arn, "name", "orders",
                                                                     "type", "STANDARD",
                                                                     "creationDate", Instant.parse("2024-01-01T00:00:00Z"))))
                .answer("states", "DescribeStateMachine", "stateMachineArn", arn, Map.of(
                    "stateMachineArn", arn, "name", "orders", "definition", "{\"StartAt\":\"A\"}",
                    "roleArn", "arn:aws:iam::333333333333:role/sfn", "type", "STANDARD",
                    "creationDate", Instant.parse("2024-01-01T00:00:00Z")))
                .items("codedeploy", "ListApplications", List.of("app-1", "app-2", "app-3"))
                .items("codedeploy", "ListDeploymentGroups", "applicationName", "app-1", List.of("dg-1"))
                .handler("codedeploy", "BatchGetDeploymentGroups", input -> Map.of("deploymentGroupsInfo", List.of(
                    Map.of("applicationName", input.get("applicationName"), "deploymentGroupName", "dg-1",
                           "autoRollbackConfiguration", Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE"))))));
        SfnClient sfn = FAKE.client(SfnClient.builder(), ACCOUNT, REGION);
        CodeDeployClient codedeploy = FAKE.client(CodeDeployClient.builder(), ACCOUNT, REGION);

        DescribeStateMachineResponse machine = sfn.describeStateMachine(
            b -> b.stateMachineArn(sfn.listStateMachinesPaginator().stateMachines().stream().findFirst().orElseThrow()
                                      .stateMachineArn()));
        List<String> applications = codedeploy.listApplicationsPaginator().applications().stream().toList();
        List<String> groups = codedeploy.listDeploymentGroupsPaginator(b -> b.applicationName("app-1"))
                                        .deploymentGroups().stream().toList();
        List<DeploymentGroupInfo> infos = codedeploy.batchGetDeploymentGroups(
            b -> b.applicationName("app-1").deploymentGroupNames(groups)).deploymentGroupsInfo();

        assertThat(machine.definition()).isEqualTo("{\"StartAt\":\"A\"}");
        assertThat(applications).containsExactly("app-1", "app-2", "app-3");
        assertThat(groups).containsExactly("dg-1");
        assertThat(infos.get(0).autoRollbackConfiguration().eventsAsStrings()).containsExactly("DEPLOYMENT_FAILURE");
        assertThat(FAKE.calls().iamActions()).containsExactly(
            "codedeploy:BatchGetDeploymentGroups", "codedeploy:ListApplications", "codedeploy:ListDeploymentGroups",
            "states:DescribeStateMachine", "states:ListStateMachines");
    }
}
