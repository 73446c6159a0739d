package dev.resilint.live.map.lambda;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A published version of a function ({@code ListVersionsByFunction}) as
 * {@code AWS::Lambda::Version}, naming its function by {@code FunctionName}, a reference to it: a
 * reference to the version's ARN then stands for the function. {@code Ref} returns the version's
 * ARN. {@code $LATEST}, which the API lists first, is the function itself and not a published
 * version: it is no {@code Version}.
 */
public final class VersionMapper {

    public static final String TYPE = FunctionMapper.VERSION;

    /** The qualifier of the unpublished version. */
    public static final String LATEST = "$LATEST";

    private VersionMapper() {
    }

    /**
     * @param function the function whose versions were listed
     * @param version an item of {@code ListVersionsByFunction}
     * @return the version, or empty for {@code $LATEST}
     */
    public static Optional<LiveResource> map(Scope scope, FunctionConfiguration function, FunctionConfiguration version) {
        if (version.version() == null || version.version().equals(LATEST)) {
            return Optional.empty();
        }
        String arn = version.functionArn() != null && !version.functionArn().equals(function.functionArn())
                ? version.functionArn() : function.functionArn() + ":" + version.version();
        Props p = Props.map()
                .ref("FunctionName", function.functionArn(), FunctionMapper.TYPE)
                .put("Description", version.description() == null || version.description().isEmpty() ? null
                        : version.description())
                .put("CodeSha256", version.codeSha256());
        return Optional.of(LiveResource.of(TYPE, arn, function.functionName() + ":" + version.version(), scope,
                p.build(), Ids.of(arn, "")));
    }
}
