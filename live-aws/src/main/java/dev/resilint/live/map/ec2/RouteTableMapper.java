package dev.resilint.live.map.ec2;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * {@code DescribeRouteTables} items as CloudFormation writes them: the {@code AWS::EC2::RouteTable},
 * one {@code AWS::EC2::Route} per route (its destination and target) and one
 * {@code AWS::EC2::SubnetRouteTableAssociation} per subnet associated explicitly. Routes and
 * associations are inline in a live route table; they get ARNs below the table's
 * ({@code route-table/rtb-1/route/0.0.0.0/0}, {@code route-table/rtb-1/association/rtbassoc-1}). The
 * main route table's implicit association, and gateway associations, have no subnet: they are left
 * out, as a template's main route table is not written either.
 */
public final class RouteTableMapper {

    public static final String TYPE = "AWS::EC2::RouteTable";
    public static final String ROUTE = "AWS::EC2::Route";
    public static final String ASSOCIATION = "AWS::EC2::SubnetRouteTableAssociation";

    private RouteTableMapper() {
    }

    /** The table, its routes and its subnet associations. */
    public static List<LiveResource> map(Scope scope, RouteTable t) {
        String arn = Arns.of(scope, "ec2", "route-table/" + t.routeTableId());
        List<LiveResource> out = new ArrayList<>();
        out.add(LiveResource.of(TYPE, arn, Tags.nameOr(t.tags(), t.routeTableId()), scope, Props.map()
                .put("VpcId", t.vpcId()).tags("Tags", Tags.ec2(t.tags())).build(), Ids.of(t.routeTableId(), "")));
        for (Route r : t.routes()) {
            String destination = r.destinationCidrBlock() != null ? r.destinationCidrBlock()
                    : r.destinationIpv6CidrBlock() != null ? r.destinationIpv6CidrBlock() : r.destinationPrefixListId();
            if (destination == null) {
                continue;
            }
            Props p = Props.map().ref("RouteTableId", t.routeTableId(), TYPE)
                    .put("DestinationCidrBlock", r.destinationCidrBlock())
                    .put("DestinationIpv6CidrBlock", r.destinationIpv6CidrBlock())
                    .put("DestinationPrefixListId", r.destinationPrefixListId())
                    .ref("NatGatewayId", r.natGatewayId(), NatGatewayMapper.TYPE)
                    .put("GatewayId", r.gatewayId())
                    .put("TransitGatewayId", r.transitGatewayId())
                    .put("VpcPeeringConnectionId", r.vpcPeeringConnectionId())
                    .put("InstanceId", r.instanceId())
                    .put("NetworkInterfaceId", r.networkInterfaceId());
            out.add(LiveResource.of(ROUTE, arn + "/route/" + destination, t.routeTableId() + " " + destination, scope,
                    p.build(), Ids.of()));
        }
        for (RouteTableAssociation a : t.associations()) {
            if (a.subnetId() == null || a.subnetId().isBlank()) {
                continue;
            }
            Props p = Props.map().ref("RouteTableId", t.routeTableId(), TYPE).ref("SubnetId", a.subnetId(),
                    SubnetMapper.TYPE);
            out.add(LiveResource.of(ASSOCIATION, arn + "/association/" + a.routeTableAssociationId(),
                    a.routeTableAssociationId(), scope, p.build(), Ids.of(a.routeTableAssociationId(), "")));
        }
        return out;
    }
}
