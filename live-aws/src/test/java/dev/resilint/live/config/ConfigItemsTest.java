package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.map.rds.DbInstanceMapper;
import dev.resilint.live.model.LiveResource;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBCluster;

/**
 * Configuration items as Config writes them: parsed whatever way their members are encoded, and
 * converted to the SDK's models by name, with what does not fit reported, never guessed.
 */
class ConfigItemsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anItemIsReadWithItsConfigurationAsTextTagsAsAListAndAnEpochCaptureTime() {
        ConfigItem item = ConfigItem.parse("""
                {"accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::EC2::Subnet",
                 "resourceId": "subnet-a", "arn": "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a",
                 "configurationItemCaptureTime": 1767225600000, "configurationItemStatus": "OK",
                 "configuration": "{\\"subnetId\\": \\"subnet-a\\", \\"availabilityZone\\": \\"eu-west-1a\\"}",
                 "supplementaryConfiguration": {"Extra": "[1, 2]"},
                 "tags": [{"key": "team", "value": "web"}]}
                """);
        assertThat(item.scope().toString()).isEqualTo("111122223333/eu-west-1");
        assertThat(item.captureTime()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(item.configuration().get("availabilityZone").asText()).isEqualTo("eu-west-1a");
        assertThat(item.supplementary().get("Extra").isArray()).isTrue();
        assertThat(item.tags()).containsEntry("team", "web");
        assertThat(item.exists()).isTrue();
    }

    @Test
    void aResultWithoutAccountRegionOrTypeOrNotJsonIsUnreadable() {
        assertThatThrownBy(() -> ConfigItem.parse("{\"awsRegion\": \"eu-west-1\", \"resourceType\": \"T\"}"))
                .isInstanceOf(ConfigItem.Unreadable.class).hasMessageContaining("lacks accountId");
        assertThatThrownBy(() -> ConfigItem.parse("not json")).isInstanceOf(ConfigItem.Unreadable.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void deletedAndUnrecordedItemsDoNotExist() {
        for (String status : new String[] {"ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded"}) {
            assertThat(ConfigItem.parse("{\"accountId\": \"1\", \"awsRegion\": \"r\", \"resourceType\": \"T\", "
                    + "\"configurationItemStatus\": \"" + status + "\"}").exists()).as(status).isFalse();
        }
    }

    @Test
    void configsOwnSpellingsOfMemberNamesFindTheModelsMembers() throws Exception {
        ConfigItems.Converted<DBCluster> cluster = ConfigItems.convert(JSON.readTree("""
                {"dbclusterIdentifier": "aurora", "dbclusterArn": "arn:aws:rds:eu-west-1:1:cluster:aurora",
                 "multiAZ": "true", "backupRetentionPeriod": "7", "unknownMember": {"x": 1}}
                """), DBCluster::builder);
        assertThat(cluster.mismatches()).isEmpty();
        assertThat(cluster.value().dbClusterIdentifier()).isEqualTo("aurora");
        assertThat(cluster.value().dbClusterArn()).endsWith(":cluster:aurora");
        assertThat(cluster.value().multiAZ()).isTrue();
        assertThat(cluster.value().backupRetentionPeriod()).isEqualTo(7);
        ConfigItems.Converted<AutoScalingGroup> group = ConfigItems.convert(JSON.readTree("""
                {"vpczoneIdentifier": "subnet-a,subnet-b", "createdTime": "2026-01-01T00:00:00.000Z"}
                """), AutoScalingGroup::builder);
        assertThat(group.value().vpcZoneIdentifier()).isEqualTo("subnet-a,subnet-b");
        assertThat(group.value().createdTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aValueThatDoesNotFitItsMemberIsReportedAndTheResourceIsUnread() {
        ConfigItem item = ConfigItem.parse("""
                {"accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::EC2::Subnet",
                 "configurationItemStatus": "OK",
                 "configuration": {"subnetId": "subnet-a", "availabilityZone": {"name": "eu-west-1a"}}}
                """);
        Optional<LiveResource> subnet = ConfigTypes.adapters().get(SubnetMapper.TYPE).map(item);
        assertThat(subnet).isPresent();
        assertThat(subnet.get().unread()).isPresent();
        assertThat(subnet.get().unread().get().detail())
                .contains("does not fit the AWS::EC2::Subnet shape at availabilityZone: an object where a string belongs");
    }

    @Test
    void anItemWithoutAMemberTheDescribeApiAlwaysAnswersIsUnreadForItNeverJudgedOnADefault() {
        ConfigItem item = ConfigItem.parse("""
                {"accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
                 "configurationItemStatus": "OK",
                 "configuration": {"dBInstanceIdentifier": "db", "dBInstanceArn": "arn:aws:rds:eu-west-1:111122223333:db:db",
                  "engine": "postgres", "backupRetentionPeriod": 7, "deletionProtection": true}}
                """);
        Optional<LiveResource> db = ConfigTypes.adapters().get(DbInstanceMapper.TYPE).map(item);
        assertThat(db).isPresent();
        assertThat(db.get().unread()).isPresent();
        assertThat(db.get().unread().get().detail()).contains("its configuration item has no multiAZ");
    }
}
