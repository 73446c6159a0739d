package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.efs.FileSystemMapper;
import dev.resilint.live.map.efs.MountTargetMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;

/**
 * EFS file systems and their mount targets: {@code DescribeFileSystems} (pages of 100, by
 * {@code Marker}/{@code NextMarker}), whose items carry the storage class's zone and the tags, and,
 * when mount targets are needed, {@code DescribeMountTargets} for each file system (paged the same
 * way). A failed {@code DescribeFileSystems} leaves both types incomplete. A file system whose
 * {@code DescribeMountTargets} fails is kept with what {@code DescribeFileSystems} said, the rest
 * unread ({@link LiveResource#withUnread}): a rule cannot tell its mount targets, so it is not
 * evaluated for that file system instead of judging it as having none (see {@link FileSystemMapper}).
 */
public final class EfsCollector implements Collector {

    /** The most items {@code DescribeFileSystems} and {@code DescribeMountTargets} are asked for a page. */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "elasticfilesystem";
    }

    @Override
    public List<String> types() {
        return List.of(FileSystemMapper.TYPE, MountTargetMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets");
    }

    @Override
    public void collect(ScopeReader in) {
        EfsClient efs = in.client(EfsClient.class, EfsClient::builder);
        in.read(types(), () -> {
            List<FileSystemDescription> all = in.pages("DescribeFileSystems",
                    efs.describeFileSystemsPaginator(r -> r.maxItems(PAGE)),
                    DescribeFileSystemsResponse::fileSystems, DescribeFileSystemsResponse::nextMarker);
            List<FileSystemDescription> systems = all.stream().filter(fs -> !FileSystemMapper.gone(fs)).toList();
            if (!in.wants(MountTargetMapper.TYPE)) {
                systems.forEach(fs -> in.add(FileSystemMapper.map(in.scope(), fs)));
                return;
            }
            in.each(systems, fs -> withMountTargets(in, efs, fs)).forEach(list -> list.forEach(in::add));
        });
    }

    /** The file system and its mount targets; the file system alone, unread, when they cannot be listed. */
    private static List<LiveResource> withMountTargets(ScopeReader in, EfsClient efs, FileSystemDescription fs) {
        LiveResource system = FileSystemMapper.map(in.scope(), fs);
        List<MountTargetDescription> targets;
        try {
            targets = in.pages("DescribeMountTargets",
                    efs.describeMountTargetsPaginator(r -> r.fileSystemId(fs.fileSystemId()).maxItems(PAGE)),
                    DescribeMountTargetsResponse::mountTargets, DescribeMountTargetsResponse::nextMarker);
        } catch (ReadFailure f) {
            return List.of(system.withUnread(f.asUnknown()));
        }
        List<LiveResource> read = new ArrayList<>();
        read.add(system);
        targets.stream().map(t -> MountTargetMapper.map(in.scope(), t)).flatMap(Optional::stream).forEach(read::add);
        return read;
    }
}
