package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.attributes;
import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;
import static dev.resilint.infra.cfn.sam.SamNodes.list;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;
import static dev.resilint.infra.cfn.sam.SamValues.tagList;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;

/**
 * {@code AWS::Serverless::SimpleTable} becomes {@code AWS::DynamoDB::Table}: its
 * {@code PrimaryKey} (by default {@code id} of type {@code String}) as the one attribute and hash
 * key, on-demand billing unless {@code ProvisionedThroughput} is given; {@code TableName},
 * {@code SSESpecification} and {@code PointInTimeRecoverySpecification} are passed through as SAM
 * does ({@code samtranslator.model.sam_resources.SamSimpleTable}). SimpleTable accepts nothing else:
 * no {@code DeletionProtectionEnabled}, no other keys or indexes.
 */
final class ServerlessSimpleTable {

    private ServerlessSimpleTable() {
    }

    /** The table for the SAM table {@code entry} with definition {@code def} and properties {@code p}. */
    static MapNode.Entry table(MapNode.Entry entry, MapNode def, MapNode p) {
        Origin o = Origin.of(entry);
        Mark k = o.key();
        MapNode.Entry primaryKey = p.entry("PrimaryKey").orElse(null);
        MapNode pk = primaryKey == null ? null : plainMap(primaryKey.value());
        Mark pkMark = primaryKey == null ? k : primaryKey.keyMark();
        Node name = pk != null && pk.has("Name") ? pk.get("Name").get() : str("id", pkMark);
        Mark nameMark = keyMark(pk, "Name", pkMark);
        Node type = pk != null && pk.has("Type") ? pk.get("Type").get() : str("String", pkMark);
        Mark typeMark = keyMark(pk, "Type", pkMark);
        String attributeType = switch (String.valueOf(text(type))) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> null;
        };
        Props props = new Props();
        if (primaryKey == null || pk != null) {
            props.put("AttributeDefinitions", pkMark, list(pkMark, new Props().put("AttributeName", nameMark, name)
                    .put("AttributeType", typeMark, attributeType == null ? type : str(attributeType, type.mark()))
                    .build(pkMark)));
            props.put("KeySchema", pkMark, list(pkMark, new Props().put("AttributeName", nameMark, name)
                    .put("KeyType", pkMark, str("HASH", pkMark)).build(pkMark)));
        }
        if (p.has("ProvisionedThroughput")) {
            props.copy(p, "ProvisionedThroughput");
        } else {
            props.put("BillingMode", k, str("PAY_PER_REQUEST", k));
        }
        props.copy(p, "TableName", "SSESpecification", "PointInTimeRecoverySpecification");
        p.entry("Tags").ifPresent(t -> props.put("Tags", t.keyMark(), tagList(t.value(), t.keyMark(), null)));
        return resource(entry.key(), o, "AWS::DynamoDB::Table", props, attributes(def));
    }
}
