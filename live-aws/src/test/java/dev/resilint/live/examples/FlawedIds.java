package dev.resilint.live.examples;

import java.util.Map;

/**
 * The ids, names and ARNs of {@link FlawedAccount}: what CloudFormation made of each resource of
 * {@code examples/flawed/} in account {@value #ACCOUNT}, region {@value #REGION}. The values a later
 * stack imports ({@code !ImportValue orders-...}) are marked with the export's name.
 */
public final class FlawedIds {

    private FlawedIds() {
    }

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";
    static final String ZONE_A = "eu-west-1a"; // !Select [0, !GetAZs '']
    static final String ZONE_B = "eu-west-1b"; // !Select [1, !GetAZs '']

    static final String NETWORK = "orders-network-and-web";
    static final String DATA = "orders-data";
    static final String ASYNC = "orders-async";
    static final String EDGE = "orders-edge";
    static final Map<String, String> STACK_IDS = Map.of(
            NETWORK, "3f0c1a52-8e4b-11ef-9d2a-0a1b2c3d4e5f", DATA, "5b7d2e14-8e4c-11ef-a0f3-06c4d5e6f7a8",
            ASYNC, "7c9e4f36-8e4d-11ef-b1e4-02d5e6f7a8b9", EDGE, "9da06158-8e4e-11ef-82f5-0ee6f7a8b9c0");

    static final String EC2 = "arn:aws:ec2:eu-west-1:123456789012:";
    static final String ELB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:";
    static final String IAM = "arn:aws:iam::123456789012:";
    static final String SQS_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/";
    static final String SQS = "arn:aws:sqs:eu-west-1:123456789012:";
    static final String LAMBDA = "arn:aws:lambda:eu-west-1:123456789012:function:";
    static final String ECS = "arn:aws:ecs:eu-west-1:123456789012:";
    static final String APIGW = "arn:aws:apigateway:eu-west-1::/restapis/";
    static final String CREATED = "2026-11-02T09:14:27Z";

    // network-and-web.yaml (its exports are the ids and names data, async and edge import)
    public static final String VPC = "vpc-0c4f7a2e9b1d3a5f6";
    public static final String PUBLIC_SUBNET_A = "subnet-0a1e5c7d9b3f24601";
    public static final String PUBLIC_SUBNET_B = "subnet-0b2f6d8e0c4a35712";
    public static final String PRIVATE_SUBNET_A = "subnet-0c3a7e9f1d5b46823"; // orders-private-subnet-a
    public static final String PRIVATE_SUBNET_B = "subnet-0d4b8f0a2e6c57934"; // orders-private-subnet-b
    public static final String LOAD_BALANCER_SG = "sg-0e1f2a3b4c5d6e7f8";
    public static final String WEB_SG = "sg-0f9e8d7c6b5a49382"; // orders-web-security-group-id
    public static final String VPC_DEFAULT_SG = "sg-07a6b5c4d3e2f1a09";
    static final String LOAD_BALANCER_NAME = "orders-LoadB-8ZP3W1K7Q2MX";
    public static final String LOAD_BALANCER = ELB + "loadbalancer/app/" + LOAD_BALANCER_NAME + "/5d1b9c3e7f2a4680";
    // orders-alb-dns-name
    static final String LOAD_BALANCER_DNS = LOAD_BALANCER_NAME + "-1418350976.eu-west-1.elb.amazonaws.com";
    static final String TARGET_GROUP_NAME = "orders-WebTa-3RJ7N0V5C1HK"; // orders-web-target-group-name
    public static final String TARGET_GROUP = ELB + "targetgroup/" + TARGET_GROUP_NAME + "/9a8b7c6d5e4f3a21";
    public static final String LISTENER = ELB + "listener/app/" + LOAD_BALANCER_NAME + "/5d1b9c3e7f2a4680/1f2e3d4c5b6a7980";
    public static final String LAUNCH_TEMPLATE = "lt-0a9b8c7d6e5f40312";
    static final String ASG_NAME = "orders-network-and-web-WebAutoScalingGroup-6DVKQ0ZB3N8X"; // orders-web-asg-name
    public static final String ASG = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:"
            + "8b2f4c1e-7d3a-4e9b-a5c6-0f1d2e3b4a59:autoScalingGroupName/" + ASG_NAME;
    static final String WEB_INSTANCE = "i-0f1e2d3c4b5a69788";
    static final String INSTANCE_PROFILE = "orders-network-and-web-WebInstanceProfile-Yc2Lq8Rz5Hn1";

    // data.yaml
    public static final String DATABASE_SG = "sg-0a2b4c6d8e0f13579";
    public static final String CACHE_SG = "sg-0b3c5d7e9f1a24680";
    static final String DATABASE_ID = "orders-data-ordersdatabase-x7k2m9q4w1zv";
    public static final String DATABASE = "arn:aws:rds:eu-west-1:123456789012:db:" + DATABASE_ID;
    static final String ORDER_STATUS_TABLE_NAME = "orders-data-OrderStatusTable-1R3K7ZC9PQ2WX"; // ...-table-name
    public static final String ORDER_STATUS_TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/"
            + ORDER_STATUS_TABLE_NAME; // orders-order-status-table-arn
    static final String CUSTOMER_ORDERS_VIEW_TABLE_NAME = "orders-data-CustomerOrdersViewTable-J8W2N5T0XQ4K";
    public static final String CUSTOMER_ORDERS_VIEW_TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/"
            + CUSTOMER_ORDERS_VIEW_TABLE_NAME;
    static final String SESSION_CACHE_ID = "ord-se-1w7k3z9q5m2x";
    public static final String SESSION_CACHE = "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:"
            + SESSION_CACHE_ID;
    /** The reason of the template's suppression, as {@code >-} folds it. */
    public static final String SUPPRESSION_REASON = "Read model derived from the orders database; the replay job "
            + "rebuilds it in minutes, so point-in-time recovery would only pay for a second copy of data we already keep";

    // async.yaml
    static final String DEAD_LETTER_QUEUE_NAME = "orders-async-OrderEventsDeadLetterQueue-Vn3Q8K1ZR7TB";
    public static final String DEAD_LETTER_QUEUE = SQS + DEAD_LETTER_QUEUE_NAME;
    static final String ORDER_EVENTS_QUEUE_NAME = "orders-async-OrderEventsQueue-2HX9M4PLC6WQ";
    public static final String ORDER_EVENTS_QUEUE = SQS + ORDER_EVENTS_QUEUE_NAME;
    static final String SHIPMENT_UPDATES_QUEUE_NAME = "orders-async-ShipmentUpdatesQueue-J5T1Z8RKD3NV";
    public static final String SHIPMENT_UPDATES_QUEUE = SQS + SHIPMENT_UPDATES_QUEUE_NAME;
    public static final String ORDER_WORKER = LAMBDA + "orders-async-OrderWorkerFunction-Hd8sK2mQ1pLx";
    public static final String RESERVE_STOCK = LAMBDA + "orders-async-ReserveStockFunction-Tz4Wq7Nc2Vb9";
    public static final String CHARGE_PAYMENT = LAMBDA + "orders-async-ChargePaymentFunction-Rk6Px1Jm8Ys3";
    public static final String ORDER_EVENTS_MAPPING = "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:"
            + "6f3e2a1b-9c8d-4e7f-a6b5-4c3d2e1f0a98";
    public static final String STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:"
            + "FulfilmentStateMachine-Gw5Nq2Zt8Xk1";
    public static final String CLUSTER = ECS + "cluster/orders-async-ShipmentTrackerCluster-Lp3Z9Qx7Vm2K";
    public static final String TASK_DEFINITION = ECS
            + "task-definition/ordersasyncShipmentTrackerTaskDefinition9F2C7A1E:1";
    public static final String SERVICE = ECS + "service/orders-async-ShipmentTrackerCluster-Lp3Z9Qx7Vm2K/"
            + "orders-async-ShipmentTrackerService-Ag4Ks9Pz1XwQ";

    // edge.yaml
    static final String DISTRIBUTION_ID = "E2X7K9QZ4M1PLW";
    public static final String DISTRIBUTION = "arn:aws:cloudfront::123456789012:distribution/" + DISTRIBUTION_ID;
    public static final String ORDER_STATUS_FUNCTION = LAMBDA + "orders-edge-OrderStatusFunction-Nb3Vc8Xz1Kq6";
    static final String REST_API = "k7x2m9q4zt";
    static final String ORDER_ID_RESOURCE = "r5t8y3";
    public static final String GET_ORDER_METHOD = APIGW + REST_API + "/resources/" + ORDER_ID_RESOURCE + "/methods/GET";
    public static final String PARTNER_API_DEPLOYMENT = APIGW + REST_API + "/deployments/3kq9zx";
    public static final String PARTNER_API_STAGE = APIGW + REST_API + "/stages/v1";
    static final String DEPLOY_APPLICATION = "orders-edge-WebDeployApplication-Q7ZK2M9XW4PL";
    static final String DEPLOYMENT_GROUP_NAME = "orders-edge-WebDeploymentGroup-3NV8T1RJ6HDC";
    public static final String DEPLOYMENT_GROUP = "arn:aws:codedeploy:eu-west-1:123456789012:deploymentgroup:"
            + DEPLOY_APPLICATION + "/" + DEPLOYMENT_GROUP_NAME;
}
