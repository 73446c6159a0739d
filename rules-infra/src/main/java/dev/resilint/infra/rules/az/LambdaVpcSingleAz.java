package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.List;

/**
 * AZ07: a Lambda function attached to a VPC whose subnets all lie in one Availability Zone. Lambda
 * runs a VPC function only in the zones of its subnets, so that zone's failure stops it. What it
 * fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class LambdaVpcSingleAz extends ResourceRule {

    static final String FUNCTION = "AWS::Lambda::Function";
    static final String SUBNETS = "VpcConfig/SubnetIds";

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ07", LambdaVpcSingleAz.class)
            .severity(Severity.ERROR)
            .summary("A Lambda function in a VPC has subnets in a single Availability Zone.")
            .rationale("A function outside a VPC runs in every zone of its region. Attached to a VPC, it runs only "
                    + "where its network interfaces are, in the zones of `VpcConfig.SubnetIds`: with every subnet in "
                    + "one zone, an outage of that zone stops every invocation, while Lambda would otherwise just "
                    + "run it in the other zones.")
            .remediation("List subnets in at least two Availability Zones in `VpcConfig.SubnetIds` (for a SAM "
                    + "function, in its `VpcConfig` or in `Globals.Function.VpcConfig`), for example one private "
                    + "subnet per zone of `!GetAZs ''`.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("lambda-vpc-multi-az-check"), Reference.trustedAdvisor(
                    "AWS Lambda VPC-enabled Functions without Multi-AZ Redundancy",
                    ""))
            .tags("availability-zone", "serverless")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(FUNCTION)
            .reads(Zones.SUBNET)
            .firesOn("An `AWS::Lambda::Function` (SAM's `AWS::Serverless::Function` included, with its "
                    + "`Globals`) whose `VpcConfig.SubnetIds` lie in at most one Availability Zone in every "
                    + "possibility, whichever way its conditions go. The zones are each subnet's "
                    + "`AvailabilityZone` (or `AvailabilityZoneId`); `Fn::GetAZs` and `Fn::Select` indexes, "
                    + "literal zone names and parameter defaults are understood.")
            .quietWhen("The function is not attached to a VPC (no `VpcConfig`, or empty `SubnetIds`) in some "
                            + "possibility.",
                    "Any subnet or zone cannot be known: a subnet list from a parameter, an import, a subnet id "
                            + "the template does not define, a subnet without `AvailabilityZone`.",
                    "Some possibility covers 2 zones or more.",
                    "The function's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource function, GraphView graph, RuleContext context) {
        Value subnets = graph.property(function, SUBNETS);
        if (subnets.possibilities().stream().anyMatch(LambdaVpcSingleAz::outsideVpc)) {
            return;
        }
        AzSet zones = graph.zonesOfSubnets(subnets);
        if (!zones.isKnown() || zones.maxCount() != 1) {
            return;
        }
        context.report(function.locateProperty(SUBNETS), "Lambda function " + function.displayName()
                + " runs in " + Zones.count(1) + " (" + Zones.describe(zones) + "): every subnet of its VpcConfig "
                + "is in that zone, so the function stops when the zone fails; add subnets in at least 2 zones "
                + "to VpcConfig SubnetIds");
    }

    /** No subnets: not set, or an empty list. */
    private static boolean outsideVpc(Value subnets) {
        return subnets instanceof Value.Absent || subnets.asList().map(List::isEmpty).orElse(false);
    }
}
