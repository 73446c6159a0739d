package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.query.internal.marshall.QueryProtocolMarshaller;
import software.amazon.awssdk.protocols.query.internal.unmarshall.QueryProtocolUnmarshaller;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;

/**
 * Flattened lists and maps, which none of the query operations a scan reads has, checked against the SDK's
 * own query marshaller and unmarshaller on SQS's shapes (SQS's model marks them flattened, from its
 * query-protocol past).
 */
class WireCompatibilityTest {

    private static OperationModel asQuery(String operation) {
        OperationModel sqs = SdkModels.require(AwsService.SQS, operation);
        return new OperationModel(AwsService.AUTOSCALING, operation, sqs.input(), sqs.output(), "POST", "/");
    }

    private static <T extends SdkPojo> T unmarshall(SdkPojo builder, byte[] xml) throws Exception {
        SdkHttpFullResponse response = SdkHttpFullResponse.builder().statusCode(200)
            .content(AbortableInputStream.create(new ByteArrayInputStream(xml))).build();
        return QueryProtocolUnmarshaller.builder().hasResultWrapper(true).build().<T>unmarshall(builder, response).left();
    }

    @Test
    void flattenedMapsAndListsAreWrittenAsTheSdkReadsThem() throws Exception {
        byte[] attributes = WireXml.query(asQuery("GetQueueAttributes"),
                                          Map.of("Attributes", new TreeMap<>(Map.of("QueueArn", "arn:q", "VisibilityTimeout", "30"))),
                                          "rid");
        byte[] urls = WireXml.query(asQuery("ListQueues"), Map.of("QueueUrls", List.of("https://q/1", "https://q/2")), "rid");

        GetQueueAttributesResponse readAttributes = unmarshall(GetQueueAttributesResponse.builder(), attributes);
        ListQueuesResponse readUrls = unmarshall(ListQueuesResponse.builder(), urls);

        assertThat(new String(attributes, StandardCharsets.UTF_8))
            .contains("<Attributes><key>QueueArn</key><value>arn:q</value></Attributes>").doesNotContain("<entry>");
        assertThat(new String(urls, StandardCharsets.UTF_8))
            .contains("<QueueUrls>https://q/1</QueueUrls><QueueUrls>https://q/2</QueueUrls>");
        assertThat(readAttributes.attributesAsStrings()).isEqualTo(Map.of("QueueArn", "arn:q", "VisibilityTimeout", "30"));
        assertThat(readUrls.queueUrls()).containsExactly("https://q/1", "https://q/2");
    }

    private static NavigableMap<String, String> marshall(String operation, SdkPojo request) {
        SdkHttpFullRequest marshalled = QueryProtocolMarshaller.builder()
            .operationInfo(OperationInfo.builder().operationIdentifier(operation).apiVersion("2012-11-05")
                                        .httpMethod(SdkHttpMethod.POST).requestUri("/").build())
            .endpoint(URI.create("http://localhost")).isEc2(false).build().marshall(request);
        NavigableMap<String, String> params = new TreeMap<>();
        marshalled.rawQueryParameters().forEach((k, v) -> params.put(k, v.get(0)));
        return params;
    }

    @Test
    void flattenedInputListsAndMapsAreReadAsTheSdkWritesThem() {
        NavigableMap<String, String> get = marshall("GetQueueAttributes", GetQueueAttributesRequest.builder()
            .queueUrl("https://q/1").attributeNames(QueueAttributeName.QUEUE_ARN, QueueAttributeName.REDRIVE_POLICY).build());
        NavigableMap<String, String> set = marshall("SetQueueAttributes", SetQueueAttributesRequest.builder()
            .queueUrl("https://q/1").attributesWithStrings(new TreeMap<>(Map.of("DelaySeconds", "5", "VisibilityTimeout", "60")))
            .build());

        assertThat(WireForm.read(asQuery("GetQueueAttributes").input(), get, false))
            .isEqualTo(Map.of("QueueUrl", "https://q/1", "AttributeNames", List.of("QueueArn", "RedrivePolicy")));
        assertThat(WireForm.read(asQuery("SetQueueAttributes").input(), set, false))
            .isEqualTo(Map.of("QueueUrl", "https://q/1", "Attributes", Map.of("DelaySeconds", "5", "VisibilityTimeout", "60")));
    }
}
