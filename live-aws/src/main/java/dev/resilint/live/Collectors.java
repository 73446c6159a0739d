package dev.resilint.live;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.services.ApiGatewayCollector;
import dev.resilint.live.collect.services.ApiGatewayV2Collector;
import dev.resilint.live.collect.services.AutoScalingCollector;
import dev.resilint.live.collect.services.ClassicElbCollector;
import dev.resilint.live.collect.services.CloudFrontCollector;
import dev.resilint.live.collect.services.CodeDeployCollector;
import dev.resilint.live.collect.services.DynamoDbCollector;
import dev.resilint.live.collect.services.Ec2Collector;
import dev.resilint.live.collect.services.EcsCollector;
import dev.resilint.live.collect.services.EksCollector;
import dev.resilint.live.collect.services.ElastiCacheCollector;
import dev.resilint.live.collect.services.ElbV2Collector;
import dev.resilint.live.collect.services.EventBridgeCollector;
import dev.resilint.live.collect.services.LambdaCollector;
import dev.resilint.live.collect.services.PipesCollector;
import dev.resilint.live.collect.services.RdsCollector;
import dev.resilint.live.collect.services.SchedulerCollector;
import dev.resilint.live.collect.services.SnsCollector;
import dev.resilint.live.collect.services.SqsCollector;
import dev.resilint.live.collect.services.StepFunctionsCollector;
import dev.resilint.live.collect.services.SynthesizedTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every collector of the live source. Add a new one here. */
public final class Collectors {

    private static final List<Collector> ALL = List.of(
            new ApiGatewayCollector(),
            new ApiGatewayV2Collector(),
            new AutoScalingCollector(),
            new ClassicElbCollector(),
            new CloudFrontCollector(),
            new CodeDeployCollector(),
            new DynamoDbCollector(),
            new Ec2Collector(),
            new EcsCollector(),
            new EksCollector(),
            new ElastiCacheCollector(),
            new ElbV2Collector(),
            new EventBridgeCollector(),
            new LambdaCollector(),
            new PipesCollector(),
            new RdsCollector(),
            new SchedulerCollector(),
            new SnsCollector(),
            new SqsCollector(),
            new StepFunctionsCollector(),
            new SynthesizedTypes())
            .stream().sorted(Comparator.comparing(Collector::service).thenComparing(c -> c.getClass().getSimpleName()))
            .toList();

    private Collectors() {
    }

    public static List<Collector> all() {
        return ALL;
    }

    /** Every type some collector reads. */
    public static Set<String> types() {
        Set<String> types = new TreeSet<>();
        ALL.forEach(c -> types.addAll(c.types()));
        return types;
    }

    /** Every IAM action some collector may call, sorted. */
    public static List<String> actions() {
        Set<String> actions = new TreeSet<>();
        ALL.forEach(c -> actions.addAll(c.actions()));
        return new ArrayList<>(actions);
    }
}
