package dev.resilint.live.map.elasticache;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * {@code DescribeServerlessCaches} items as {@code AWS::ElastiCache::ServerlessCache}, with their
 * tags when a rule reads them: name, engine, major engine version and the snapshot settings
 * ({@code SnapshotRetentionLimit}, {@code DailySnapshotTime}), as CloudFormation names them. A cache
 * being deleted is gone.
 */
public final class ServerlessCacheMapper {

    public static final String TYPE = "AWS::ElastiCache::ServerlessCache";

    private ServerlessCacheMapper() {
    }

    /** The ARN of a serverless cache, from the API or built from its name. */
    public static String arn(Scope scope, ServerlessCache c) {
        return c.arn() != null ? c.arn() : Arns.of(scope, "elasticache", "serverlesscache:" + c.serverlessCacheName());
    }

    /**
     * @param tags its tags, when they were asked for
     * @return the cache, or empty when it is being deleted
     */
    public static Optional<LiveResource> map(Scope scope, ServerlessCache c, TagLookup tags) {
        if ("deleting".equalsIgnoreCase(c.status())) {
            return Optional.empty();
        }
        Props p = Props.map()
                .put("ServerlessCacheName", c.serverlessCacheName())
                .put("Description", c.description())
                .put("Engine", c.engine())
                .put("MajorEngineVersion", c.majorEngineVersion())
                .put("SnapshotRetentionLimit", c.snapshotRetentionLimit())
                .put("DailySnapshotTime", c.dailySnapshotTime());
        String arn = arn(scope, c);
        tags.apply(p, arn);
        return Optional.of(LiveResource.of(TYPE, arn, c.serverlessCacheName(), scope, p.build(),
                Ids.of(c.serverlessCacheName(), "")));
    }
}
