package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.ec2.FleetMapper;
import dev.resilint.live.map.ec2.InstanceMapper;
import dev.resilint.live.map.ec2.LaunchTemplateMapper;
import dev.resilint.live.map.ec2.NatGatewayMapper;
import dev.resilint.live.map.ec2.RouteTableMapper;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeFleetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetRequestsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * Subnets, standalone instances, security groups (with their ingress rules inline, which is all a
 * live account has of {@code AWS::EC2::SecurityGroupIngress}), the default version of every
 * launch template, spot fleet requests and EC2 fleets, NAT gateways, and route tables (with their
 * routes and subnet associations inline): one paginated list call each, no per-resource call.
 */
public final class Ec2Collector implements Collector {

    /** Ingress rules: inline in their security groups in a live account. */
    public static final String INGRESS = "AWS::EC2::SecurityGroupIngress";

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public List<String> types() {
        return List.of(SubnetMapper.TYPE, InstanceMapper.TYPE, SecurityGroupMapper.TYPE, INGRESS,
                LaunchTemplateMapper.TYPE, FleetMapper.SPOT_FLEET, FleetMapper.EC2_FLEET, NatGatewayMapper.TYPE,
                RouteTableMapper.TYPE, RouteTableMapper.ROUTE, RouteTableMapper.ASSOCIATION);
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:DescribeSubnets", "ec2:DescribeInstances", "ec2:DescribeSecurityGroups",
                "ec2:DescribeLaunchTemplateVersions", "ec2:DescribeSpotFleetRequests", "ec2:DescribeFleets",
                "ec2:DescribeNatGateways", "ec2:DescribeRouteTables");
    }

    @Override
    public void collect(ScopeReader in) {
        Ec2Client ec2 = in.client(Ec2Client.class, Ec2Client::builder);
        in.read(List.of(SubnetMapper.TYPE), () -> in.pages("DescribeSubnets",
                ec2.describeSubnetsPaginator(r -> r.maxResults(1000)), DescribeSubnetsResponse::subnets,
                DescribeSubnetsResponse::nextToken).forEach(s -> in.add(SubnetMapper.map(in.scope(), s))));
        in.read(List.of(InstanceMapper.TYPE), () -> in.pages("DescribeInstances",
                ec2.describeInstancesPaginator(r -> r.maxResults(1000)), DescribeInstancesResponse::reservations,
                DescribeInstancesResponse::nextToken).stream().map(Reservation::instances).flatMap(List::stream)
                .forEach(i -> InstanceMapper.map(in.scope(), i).ifPresent(in::add)));
        in.read(List.of(SecurityGroupMapper.TYPE, INGRESS), () -> in.pages("DescribeSecurityGroups",
                ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)),
                DescribeSecurityGroupsResponse::securityGroups, DescribeSecurityGroupsResponse::nextToken)
                .forEach(g -> in.add(SecurityGroupMapper.map(in.scope(), g))));
        in.read(List.of(LaunchTemplateMapper.TYPE), () -> in.pages("DescribeLaunchTemplateVersions",
                ec2.describeLaunchTemplateVersionsPaginator(r -> r.versions("$Default").maxResults(200)),
                DescribeLaunchTemplateVersionsResponse::launchTemplateVersions,
                DescribeLaunchTemplateVersionsResponse::nextToken)
                .forEach(v -> in.add(LaunchTemplateMapper.map(in.scope(), v))));
        in.read(List.of(FleetMapper.SPOT_FLEET), () -> in.pages("DescribeSpotFleetRequests",
                ec2.describeSpotFleetRequestsPaginator(r -> r.maxResults(1000)),
                DescribeSpotFleetRequestsResponse::spotFleetRequestConfigs, DescribeSpotFleetRequestsResponse::nextToken)
                .forEach(f -> FleetMapper.spotFleet(in.scope(), f).ifPresent(in::add)));
        in.read(List.of(FleetMapper.EC2_FLEET), () -> in.pages("DescribeFleets",
                ec2.describeFleetsPaginator(r -> r.maxResults(1000)), DescribeFleetsResponse::fleets,
                DescribeFleetsResponse::nextToken).forEach(f -> FleetMapper.ec2Fleet(in.scope(), f).ifPresent(in::add)));
        in.read(List.of(NatGatewayMapper.TYPE), () -> in.pages("DescribeNatGateways",
                ec2.describeNatGatewaysPaginator(r -> r.maxResults(1000)), DescribeNatGatewaysResponse::natGateways,
                DescribeNatGatewaysResponse::nextToken)
                .forEach(n -> NatGatewayMapper.map(in.scope(), n).ifPresent(in::add)));
        in.read(List.of(RouteTableMapper.TYPE, RouteTableMapper.ROUTE, RouteTableMapper.ASSOCIATION),
                () -> in.pages("DescribeRouteTables", ec2.describeRouteTablesPaginator(r -> r.maxResults(100)),
                        DescribeRouteTablesResponse::routeTables, DescribeRouteTablesResponse::nextToken)
                .forEach(t -> RouteTableMapper.map(in.scope(), t).forEach(in::add)));
    }
}
