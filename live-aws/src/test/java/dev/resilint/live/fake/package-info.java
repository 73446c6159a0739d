/**
 * A fake AWS endpoint for testing the live-account collectors with the real aws-sdk-java-v2 clients over
 * HTTP on loopback.
 *
 * <h2>What it is</h2>
 * {@link dev.resilint.live.fake.FakeAws} is a JDK {@code com.sun.net.httpserver} server on
 * {@code 127.0.0.1} (a free port) that routes each request by the service of its SigV4 credential scope
 * ({@code Credential=AKID/date/REGION/SERVICE/aws4_request}) and then by that service's protocol:
 * {@code Action} and {@code Version} of a form for EC2 and the query services (classic ELB and ELBv2 share
 * the signing name and are told apart by {@code Version}), {@code X-Amz-Target} for JSON 1.0/1.1, method
 * and path ({@code http.requestUri}) for REST-JSON and REST-XML (for S3, path-style: the bucket is the first
 * path segment, and operations on one path are told apart by their query literal, {@code ?versioning}). It answers in each protocol's format:
 * EC2 XML ({@code <item>} lists, no result wrapper), query XML ({@code <XResponse><XResult>}, modelled
 * list member names, flattened lists and maps), JSON, REST-JSON and REST-XML with members bound to
 * headers, query strings and the URI; errors as {@code <Response><Errors><Error>} (EC2),
 * {@code <ErrorResponse><Error>} (query, CloudFront), {@code <Error>} (S3), {@code __type} (JSON; SQS also sends
 * {@code x-amzn-query-error}) and {@code x-amzn-ErrorType} (REST-JSON). API Gateway's REST and v2 management APIs share the signing name
 * {@code apigateway} and are told apart by their paths ({@code /restapis...}, {@code /v2/apis...}).
 *
 * <p>The wire facts come from the AWS API models as the SDK's generated classes carry them
 * ({@code SdkField} traits, each operation marshaller's {@code OperationInfo}), so what the fake sends is
 * what the SDK parses; pagination follows botocore's {@code paginators-1.json} (see {@code Paging}).
 * {@code ModelTest} checks both against the botocore models (boto/botocore, Apache-2.0), and the protocol
 * tests are the proof that the SDK reads every format.
 *
 * <h2>Using it in a collector test</h2>
 * <pre>{@code
 * private static final FakeAws FAKE = FakeAws.start();          // one per test class; FAKE.close() in @AfterAll
 *
 * @AfterEach void reset() { assertThat(FAKE.problems()).isEmpty(); FAKE.reset(); }
 *
 * @Test void readsSubnets() {
 *     FakeRegion eu = FAKE.account("111111111111").region("eu-west-1");
 *     eu.items("ec2", "DescribeSubnets", List.of(
 *         Map.of("SubnetId", "subnet-1", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1"),
 *         Map.of("SubnetId", "subnet-2", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1"),
 *         Map.of("SubnetId", "subnet-3", "AvailabilityZone", "eu-west-1c", "VpcId", "vpc-1")));
 *     Ec2Client ec2 = FAKE.client(Ec2Client.builder(), "111111111111", "eu-west-1");
 *     // ... run the collector with ec2 (or with FAKE.endpoint() and FakeAws.credentials(account)) ...
 *     assertThat(FAKE.calls().count("ec2", "DescribeSubnets")).isEqualTo(2);   // pages of 2
 * }
 * }</pre>
 *
 * <ul>
 * <li><b>Trees.</b> Items and outputs are trees by the model's member names, as the SDK's
 * {@code sdkFields()} name them: {@code Map}s for structures ({@code "SubnetId"}, ECS's {@code "serviceArn"},
 * API Gateway's {@code "items"}), {@code List}s, and scalars (numbers and booleans may be given as strings,
 * timestamps as {@link java.time.Instant}, ISO strings or epoch seconds). SDK model objects are accepted
 * too ({@code Subnet.builder()...build()}). A member the shape does not have is refused at registration,
 * naming the members it has.</li>
 * <li><b>Services</b> are named by {@link dev.resilint.live.fake.AwsService#id()}: {@code ec2},
 * {@code autoscaling}, {@code elbv2}, {@code elb} (classic), {@code rds}, {@code elasticache},
 * {@code sts}, {@code sqs}, {@code dynamodb}, {@code states}, {@code ecs}, {@code codedeploy},
 * {@code organizations}, {@code lambda}, {@code apigateway}, {@code apigatewayv2}, {@code eks},
 * {@code cloudfront}, {@code route53} (REST-XML), {@code s3} (REST-XML; its clients are made path-style; {@code ListBuckets} is
 * authorised by {@code s3:ListAllMyBuckets}), {@code sns} (query), {@code events} (EventBridge, JSON 1.1), {@code pipes} and
 * {@code scheduler} (REST-JSON), {@code application-autoscaling} (JSON 1.1), {@code config} (JSON 1.1; {@link dev.resilint.live.fake.FakeConfig}
 * serves an aggregator: its configuration items, source statuses and the select queries it was
 * asked, paged).</li>
 * <li><b>Scopes.</b> {@code FAKE.account(id).region(r)} answers in one region,
 * {@code FAKE.account(id)} in all its regions (the global services, CloudFront, Route 53 and Organizations, sign
 * for {@code us-east-1}), {@code FAKE.everywhere()} everywhere. The most specific scope wins; within a
 * scope a keyed answer wins over an unkeyed one.</li>
 * <li><b>List operations</b> ({@code items}) are paged by the operation's paginator: input token, output
 * token, limit key and result key. A page holds {@code min(limit, pageSize)} items
 * ({@link dev.resilint.live.fake.FakeAws#pageSize(int)}, default 2), so three items already cross pages.
 * SQS {@code ListQueues} sends a token only when {@code MaxResults} is set, as SQS does. A list
 * operation with no items answers an empty list. Items can be keyed by an input member:
 * {@code items("ecs", "ListServices", "cluster", clusterArn, arns)}, or computed:
 * {@code listHandler(...)}.</li>
 * <li><b>Detail operations</b>: a fixed {@code answer}, an answer keyed by an input member
 * ({@code answer("dynamodb", "DescribeTable", "TableName", "orders", Map.of("Table", ...))}), a
 * {@code batch} answer for batch describes, a {@code handler} (input tree in, output tree out; throw
 * {@link dev.resilint.live.fake.AwsError} to answer an error), or {@code fail(...)} for one unreadable
 * resource. A detail call nobody answered fails with {@code FakeAwsNoAnswer} and is listed in
 * {@link dev.resilint.live.fake.FakeAws#problems()}.</li>
 * <li><b>Accounts</b> come from the access key: {@link dev.resilint.live.fake.FakeAws#credentials(String)}
 * gives {@code AKIA<account>FAKE}; STS {@code AssumeRole} on {@code arn:aws:iam::<id>:role/<name>} issues
 * {@code ASIA<id>...} keys with a session token, so an {@code StsAssumeRoleCredentialsProvider} built on
 * the fake's STS makes later calls in the role's account; {@code GetCallerIdentity} answers the caller's
 * account. {@code account(id).denyAssumeRole("Name")} refuses a role ({@code AccessDenied});
 * {@code account(id).disableRegion(r)} makes a region fail as one that is not enabled
 * ({@code AuthFailure} 401 for EC2, which the url-connection client surfaces as a 401 without error
 * code; {@code InvalidClientTokenId} for query services; {@code UnrecognizedClientException} for JSON and
 * REST). EC2 {@code DescribeRegions} answers the account's declared regions unless a test answers it.</li>
 * <li><b>Faults</b> ({@link dev.resilint.live.fake.Fault}, via {@code FAKE.inject}) scoped by service,
 * operation, account and region and bounded by {@code times(n)}: an error code and status, throttling
 * (each service's own throttling code, always or on a seeded fraction), a malformed body, a repeating
 * token, empty pages (as Organizations sends), a latency, or a hang that the client's timeouts end
 * (threads are released on {@code close()} or after {@code maxHang}).</li>
 * <li><b>Call log</b> ({@link dev.resilint.live.fake.CallLog}): every call as account, region, service,
 * operation, IAM action ({@code <prefix>:<Operation>}; {@code apigateway:GET} for API Gateway), status
 * and error code, with counts, for call budgets and for checking the shipped IAM policy:
 * {@code assertThat(policyActions).containsAll(FAKE.calls().iamActions())}.</li>
 * <li><b>Clients.</b> {@link dev.resilint.live.fake.FakeAws#client} builds one with the endpoint
 * override, static credentials, the region, a shared url-connection client (connect 1 s, socket 5 s)
 * and the SDK's standard retry strategy with 3 attempts and no backoff delay;
 * {@link dev.resilint.live.fake.FakeAws#configure} does the same with other credentials and leaves the
 * builder open for other settings (replace the whole {@code overrideConfiguration} to change retries
 * or timeouts).</li>
 * </ul>
 *
 * <p>Not modelled: request signatures are not verified, filters ({@code Filters}, name lists) are not
 * applied to items unless a handler applies them, and only the operations in
 * {@link dev.resilint.live.fake.AwsService#operations()} are routed for the REST services (the query and
 * JSON services answer any operation of their SDK model through answers and handlers).
 */
package dev.resilint.live.fake;
