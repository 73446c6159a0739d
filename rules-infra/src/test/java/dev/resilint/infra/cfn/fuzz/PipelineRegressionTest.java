package dev.resilint.infra.cfn.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilint.core.Results;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The templates {@link PipelineFuzzTest} found that made a rule or the pipeline fail, reduced by
 * hand to what matters; each fails on the code before its fix. The fuzzer's own crash files stay
 * in {@code PipelineFuzzTestInputs/fuzzPipeline/}, replayed by the fuzz execution.
 */
class PipelineRegressionTest {

    private static Results judge(String yaml) throws TreeReadException {
        Optional<Results> results = Pipeline.judge(new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES).parse(yaml,
                "t.yaml"), "t.yaml");
        assertTrue(results.isPresent(), "not an input error");
        return results.get();
    }

    /**
     * DP04 looked up the resource an alias's {@code FunctionName} refers to without a type, to see
     * whether CloudFront runs it at the edge: a {@code FunctionName} that refers to anything but a
     * function or a version (here a bucket; in the fuzzer's input a resource without {@code Type})
     * was an internal error.
     */
    @Test
    void aliasWhoseFunctionNameIsNotAFunction() throws TreeReadException {
        judge("""
                Resources:
                  Version:
                    Type: AWS::Lambda::Version
                    Properties: {FunctionName: !Ref Bucket}
                  Alias:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref Bucket
                      FunctionVersion: !GetAtt Version.Version
                      Name: live
                  Bucket:
                    Type: AWS::S3::Bucket
                """);
    }

    /**
     * TO02 asked for the API of an HTTP API integration by id without a type, and the view refuses
     * a resource of a type the rule does not declare: an {@code ApiId} that refers to anything but
     * an {@code AWS::ApiGatewayV2::Api} (here a bucket, in the fuzzer's input a resource without
     * {@code Type}) was an internal error.
     */
    @Test
    void httpApiIntegrationWhoseApiIdIsNotAnApi() throws TreeReadException {
        judge("""
                Resources:
                  F:
                    Type: AWS::Lambda::Function
                    Properties: {Timeout: 35, Handler: i.h, Runtime: python3.12, Code: {ZipFile: x}}
                  Integration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Bucket
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !GetAtt F.Arn
                  NoType:
                    Properties: {}
                  Other:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref NoType
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !GetAtt F.Arn
                  Bucket:
                    Type: AWS::S3::Bucket
                """);
    }
}
