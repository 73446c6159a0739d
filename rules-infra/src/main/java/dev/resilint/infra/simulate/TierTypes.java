package dev.resilint.infra.simulate;

import java.util.ArrayList;
import java.util.List;

/** The resource types the simulation reads. */
final class TierTypes {

    static final String SUBNET = "AWS::EC2::Subnet";
    static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    static final String ELB_V2 = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    static final String CLASSIC_ELB = "AWS::ElasticLoadBalancing::LoadBalancer";
    static final String ECS_SERVICE = "AWS::ECS::Service";
    static final String LAMBDA = "AWS::Lambda::Function";
    static final String DB_INSTANCE = "AWS::RDS::DBInstance";
    static final String DB_CLUSTER = "AWS::RDS::DBCluster";
    static final String DB_SUBNET_GROUP = "AWS::RDS::DBSubnetGroup";
    static final String CACHE_GROUP = "AWS::ElastiCache::ReplicationGroup";
    static final String CACHE_SUBNET_GROUP = "AWS::ElastiCache::SubnetGroup";
    static final String EFS = "AWS::EFS::FileSystem";
    static final String MOUNT_TARGET = "AWS::EFS::MountTarget";
    static final String NAT = "AWS::EC2::NatGateway";
    static final String ROUTE = "AWS::EC2::Route";
    static final String ROUTE_TABLE = "AWS::EC2::RouteTable";
    static final String ROUTE_TABLE_ASSOCIATION = "AWS::EC2::SubnetRouteTableAssociation";
    static final String INSTANCE = "AWS::EC2::Instance";

    static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(List.of(SUBNET, ASG, ELB_V2, CLASSIC_ELB, ECS_SERVICE, LAMBDA, DB_INSTANCE,
                DB_CLUSTER, DB_SUBNET_GROUP, CACHE_GROUP, CACHE_SUBNET_GROUP, EFS, MOUNT_TARGET, NAT, ROUTE,
                ROUTE_TABLE, ROUTE_TABLE_ASSOCIATION, INSTANCE));
        all.addAll(UnsimulatedTiers.TYPES.keySet());
        ALL = List.copyOf(all);
    }

    private TierTypes() {
    }
}
