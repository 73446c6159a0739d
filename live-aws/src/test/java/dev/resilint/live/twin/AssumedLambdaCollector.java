package dev.resilint.live.twin;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for the Lambda (and Step Functions) collectors that another branch writes, so that TO02's
 * API Gateway half can be tested on its own. What it assumes of them: an {@code AWS::Lambda::Function}
 * is known by its unqualified ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>}, the
 * resource's identity) and its name ({@code Ref}), the ARN also standing for {@code Fn::GetAtt Arn};
 * it has {@code Timeout} in seconds, always explicit (ListFunctions returns it); aliases, versions and
 * state machines are read as their own types (here complete and empty).
 */
final class AssumedLambdaCollector implements Collector {

    static final String FUNCTION = "AWS::Lambda::Function";

    private final Map<String, Integer> timeouts;

    /** @param timeouts each function's name and timeout in seconds */
    AssumedLambdaCollector(Map<String, Integer> timeouts) {
        this.timeouts = new TreeMap<>(timeouts);
    }

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public List<String> types() {
        return List.of(FUNCTION, "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::StepFunctions::StateMachine");
    }

    @Override
    public List<String> actions() {
        return List.of();
    }

    @Override
    public void collect(ScopeReader in) {
        in.read(types(), () -> timeouts.forEach((name, timeout) -> {
            String arn = arn(in.scope(), name);
            in.add(LiveResource.of(FUNCTION, arn, name, in.scope(),
                    Props.map().put("FunctionName", name).put("Timeout", timeout).build(), Ids.of(name, "", arn, "Arn")));
        }));
    }

    static String arn(dev.resilint.live.model.Scope scope, String name) {
        return Arns.of(scope, "lambda", "function:" + name);
    }
}
