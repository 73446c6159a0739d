package dev.resilint.live.map.lambda;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.FileSystemConfig;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.VpcConfigResponse;

/**
 * A function of {@code ListFunctions} (its unpublished, {@code $LATEST} configuration) as
 * {@code AWS::Lambda::Function}. The API returns {@code Timeout} and {@code MemorySize} always,
 * defaults included. {@code VpcConfig} is written only for a function attached to subnets (the API
 * answers an empty one for the others). {@code Environment} is deliberately left out: its values
 * are often secrets and no rule reads them. {@code ReservedConcurrentExecutions} needs a call per
 * function and no rule reads it. {@code Ref} returns the function's name, {@code Fn::GetAtt Fn.Arn}
 * its ARN.
 */
public final class FunctionMapper {

    public static final String TYPE = "AWS::Lambda::Function";
    public static final String ALIAS = "AWS::Lambda::Alias";
    public static final String VERSION = "AWS::Lambda::Version";
    public static final String TOPIC = "AWS::SNS::Topic";

    /** The types a reference to a function, an alias or a version (a function name or ARN, qualified or not) may name. */
    static final String[] FUNCTION_OR_QUALIFIED = {TYPE, ALIAS, VERSION};

    private FunctionMapper() {
    }

    /** @param tags its tags (by function ARN), when they were asked for */
    public static LiveResource map(Scope scope, FunctionConfiguration f, TagLookup tags) {
        Props p = Props.map()
                .put("FunctionName", f.functionName())
                .put("Description", f.description() == null || f.description().isEmpty() ? null : f.description())
                .put("Runtime", f.runtimeAsString())
                .put("Handler", f.handler())
                .put("Role", f.role())
                .put("PackageType", f.packageTypeAsString())
                .strings("Architectures", f.architecturesAsStrings())
                .put("MemorySize", f.memorySize())
                .put("Timeout", f.timeout())
                .put("KmsKeyArn", f.kmsKeyArn())
                .strings("Layers", f.layers().stream().map(Layer::arn).toList());
        if (f.deadLetterConfig() != null) {
            p.putIfNotEmpty("DeadLetterConfig", Props.map().ref("TargetArn", f.deadLetterConfig().targetArn(),
                    QueueMapper.TYPE, TOPIC));
        }
        vpc(p, f.vpcConfig());
        if (f.tracingConfig() != null) {
            p.putIfNotEmpty("TracingConfig", Props.map().put("Mode", f.tracingConfig().modeAsString()));
        }
        if (f.ephemeralStorage() != null) {
            p.putIfNotEmpty("EphemeralStorage", Props.map().put("Size", f.ephemeralStorage().size()));
        }
        if (f.snapStart() != null) {
            p.putIfNotEmpty("SnapStart", Props.map().put("ApplyOn", f.snapStart().applyOnAsString()));
        }
        if (f.loggingConfig() != null) {
            p.putIfNotEmpty("LoggingConfig", Props.map().put("LogFormat", f.loggingConfig().logFormatAsString())
                    .put("ApplicationLogLevel", f.loggingConfig().applicationLogLevelAsString())
                    .put("SystemLogLevel", f.loggingConfig().systemLogLevelAsString())
                    .put("LogGroup", f.loggingConfig().logGroup()));
        }
        p.list("FileSystemConfigs", f.fileSystemConfigs().stream().map(FunctionMapper::fileSystem).toList());
        tags.apply(p, f.functionArn());
        return LiveResource.of(TYPE, f.functionArn(), f.functionName(), scope, p.build(),
                Ids.of(f.functionName(), "", f.functionArn(), "Arn"));
    }

    private static void vpc(Props p, VpcConfigResponse vpc) {
        if (vpc == null || vpc.subnetIds().isEmpty()) {
            return;
        }
        p.put("VpcConfig", Props.map().refs("SubnetIds", vpc.subnetIds(), SubnetMapper.TYPE)
                .refs("SecurityGroupIds", vpc.securityGroupIds(), SecurityGroupMapper.TYPE)
                .put("Ipv6AllowedForDualStack", vpc.ipv6AllowedForDualStack()));
    }

    private static Node fileSystem(FileSystemConfig c) {
        return Props.map().put("Arn", c.arn()).put("LocalMountPath", c.localMountPath()).build();
    }

    /** The function's name in an ARN ({@code arn:...:function:name[:qualifier]}), or the text itself. */
    public static String nameOf(String arnOrName) {
        if (arnOrName == null) {
            return "";
        }
        int at = arnOrName.indexOf(":function:");
        if (at < 0) {
            return arnOrName;
        }
        String rest = arnOrName.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** The qualifier of a function ARN ({@code $LATEST}, a version or an alias); empty for an unqualified one. */
    public static String qualifierOf(String arn) {
        if (arn == null) {
            return "";
        }
        int at = arn.indexOf(":function:");
        if (at < 0) {
            return "";
        }
        String rest = arn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? "" : rest.substring(colon + 1);
    }
}
