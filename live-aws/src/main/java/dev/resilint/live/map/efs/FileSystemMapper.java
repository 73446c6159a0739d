package dev.resilint.live.map.efs;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.LifeCycleState;

/**
 * {@code DescribeFileSystems} items as {@code AWS::EFS::FileSystem}: {@code AvailabilityZoneName} (set
 * only for One Zone storage, what AZ11 reads first), the performance, throughput and encryption
 * settings, the replication overwrite protection, and the tags the response carries
 * ({@code FileSystemTags}, as CloudFormation names them). A file system is referred to by its id
 * (what {@code Ref} returns) and its ARN; one being deleted is gone. When its mount targets cannot be
 * listed, the collector keeps it unread: what the response leaves out ({@code AvailabilityZoneName} of
 * regional storage) is then unknown with the cause, so AZ11 is not evaluated for it.
 */
public final class FileSystemMapper {

    public static final String TYPE = "AWS::EFS::FileSystem";

    private FileSystemMapper() {
    }

    /** The ARN of a file system, from the API or built from its id. */
    public static String arn(Scope scope, FileSystemDescription fs) {
        return fs.fileSystemArn() != null ? fs.fileSystemArn()
                : Arns.of(scope, "elasticfilesystem", "file-system/" + fs.fileSystemId());
    }

    /** Whether the file system is being deleted or is deleted: it is not collected. */
    public static boolean gone(FileSystemDescription fs) {
        return fs.lifeCycleState() == LifeCycleState.DELETING || fs.lifeCycleState() == LifeCycleState.DELETED;
    }

    /** A file system that is not {@link #gone}. */
    public static LiveResource map(Scope scope, FileSystemDescription fs) {
        Props p = Props.map()
                .put("AvailabilityZoneName", fs.availabilityZoneName())
                .put("PerformanceMode", fs.performanceModeAsString())
                .put("ThroughputMode", fs.throughputModeAsString())
                .put("ProvisionedThroughputInMibps", fs.provisionedThroughputInMibps())
                .put("Encrypted", fs.encrypted())
                .put("KmsKeyId", fs.kmsKeyId())
                .putIfNotEmpty("FileSystemProtection", fs.fileSystemProtection() == null ? null : Props.map()
                        .put("ReplicationOverwriteProtection",
                                fs.fileSystemProtection().replicationOverwriteProtectionAsString()))
                .tags("FileSystemTags", Tags.of(fs.tags(), t -> t.key(), t -> t.value()));
        String arn = arn(scope, fs);
        String name = fs.name() != null && !fs.name().isBlank() ? fs.name() + " (" + fs.fileSystemId() + ")"
                : fs.fileSystemId();
        return LiveResource.of(TYPE, arn, name, scope, p.build(), Ids.of(fs.fileSystemId(), "", arn, "Arn"));
    }
}
