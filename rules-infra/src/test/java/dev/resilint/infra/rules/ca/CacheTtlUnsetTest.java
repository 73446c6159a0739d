package dev.resilint.infra.rules.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheTtlUnsetTest {

    private static final String HEAD = """
            Parameters:
              Ttl: {Type: Number}
            Conditions:
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new CacheTtlUnset(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnEachDaxTtlOfZero() {
        List<Finding> findings = check("""
                Params:
                  Type: AWS::DAX::ParameterGroup
                  Properties:
                    ParameterNameValues:
                      record-ttl-millis: '0'  # expect CA04
                      query-ttl-millis: 0  # expect CA04
                """);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).message()).isEqualTo("DAX parameter group Params sets record-ttl-millis to 0, so "
                + "entries of the item cache never expire by time and changes written to DynamoDB without going "
                + "through DAX stay invisible until the entry is evicted; set record-ttl-millis to a lifetime that "
                + "bounds staleness (default 300000)");
        Location.Template at = (Location.Template) findings.get(0).location();
        assertThat(at.line()).isEqualTo(10);
        assertThat(at.column()).isEqualTo(9);
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void quietOnDaxDefaultsPositiveAndUnknownTtls() {
        assertThat(check("""
                A:
                  Type: AWS::DAX::ParameterGroup
                  Properties: {Description: defaults}
                B:
                  Type: AWS::DAX::ParameterGroup
                  Properties: {ParameterNameValues: {record-ttl-millis: '60000', query-ttl-millis: !Ref Ttl}}
                C:
                  Type: AWS::DAX::ParameterGroup
                  Condition: Never
                  Properties: {ParameterNameValues: {record-ttl-millis: '0'}}
                """)).isEmpty();
    }

    @Test
    void firesOnLambdaAuthorizersWithCachingOff() {
        check("""
                Token:
                  Type: AWS::ApiGateway::Authorizer
                  Properties:
                    Type: TOKEN
                    RestApiId: api
                    IdentitySource: method.request.header.Authorization
                    AuthorizerResultTtlInSeconds: 0  # expect CA04
                Request:
                  Type: AWS::ApiGateway::Authorizer
                  Properties:
                    Type: REQUEST
                    RestApiId: api
                    IdentitySource: method.request.header.Authorization, context.sourceIp
                    AuthorizerResultTtlInSeconds: '0'  # expect CA04
                Http:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties:
                    AuthorizerType: REQUEST
                    ApiId: api
                    Name: http
                    IdentitySource: [$request.header.Authorization]
                    AuthorizerResultTtlInSeconds: 0  # expect CA04
                """).forEach(f -> assertThat(f.message()).contains("caches no results (AuthorizerResultTtlInSeconds: 0)"));
    }

    @Test
    void quietOnDefaultsCognitoJwtAndRequestAuthorizersWithoutIdentitySource() {
        assertThat(check("""
                Default:
                  Type: AWS::ApiGateway::Authorizer
                  Properties: {Type: TOKEN, RestApiId: api, IdentitySource: method.request.header.Authorization}
                Cognito:
                  Type: AWS::ApiGateway::Authorizer
                  Properties: {Type: COGNITO_USER_POOLS, RestApiId: api, AuthorizerResultTtlInSeconds: 0}
                NoSource:
                  Type: AWS::ApiGateway::Authorizer
                  Properties: {Type: REQUEST, RestApiId: api, AuthorizerResultTtlInSeconds: 0}
                Unknown:
                  Type: AWS::ApiGateway::Authorizer
                  Properties: {Type: TOKEN, RestApiId: api, IdentitySource: x, AuthorizerResultTtlInSeconds: !Ref Ttl}
                HttpUnset:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties: {AuthorizerType: REQUEST, ApiId: api, Name: h, IdentitySource: [$request.header.A]}
                HttpEmpty:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties: {AuthorizerType: REQUEST, ApiId: api, Name: e, IdentitySource: [], AuthorizerResultTtlInSeconds: 0}
                Jwt:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties: {AuthorizerType: JWT, ApiId: api, Name: j, AuthorizerResultTtlInSeconds: 0}
                Never:
                  Type: AWS::ApiGateway::Authorizer
                  Condition: Never
                  Properties: {Type: TOKEN, RestApiId: api, IdentitySource: x, AuthorizerResultTtlInSeconds: 0}
                """)).isEmpty();
    }

    @Test
    void quietOnAnAuthorizerOfAWebSocketApiAndFiresOnTheSameAuthorizerOfAnHttpApi() {
        List<Finding> findings = check("""
                Chat:
                  Type: AWS::ApiGatewayV2::Api
                  Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
                Orders:
                  Type: AWS::ApiGatewayV2::Api
                  Properties: {Name: orders, ProtocolType: HTTP}
                ChatAuth:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties:
                    ApiId: !Ref Chat
                    AuthorizerType: REQUEST
                    Name: chat-auth
                    IdentitySource: [route.request.header.Auth]
                    AuthorizerResultTtlInSeconds: 0
                OrdersAuth:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties:
                    ApiId: !Ref Orders
                    AuthorizerType: REQUEST
                    Name: orders-auth
                    IdentitySource: [$request.header.Authorization]
                    AuthorizerResultTtlInSeconds: 0  # expect CA04
                """);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("HTTP API authorizer OrdersAuth caches no results"));
    }

    @Test
    void anAuthorizerOfAnApiElsewhereFiresOnlyWhenItsOwnSettingsAreAnHttpApiAuthorizers() {
        List<Finding> findings = check("""
                Unproven:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties:
                    ApiId: !ImportValue shared-api
                    AuthorizerType: REQUEST
                    Name: unproven
                    IdentitySource: [route.request.header.Auth]
                    AuthorizerResultTtlInSeconds: 0
                ByPayloadFormat:
                  Type: AWS::ApiGatewayV2::Authorizer
                  Properties:
                    ApiId: !ImportValue shared-api
                    AuthorizerType: REQUEST
                    Name: by-format
                    AuthorizerPayloadFormatVersion: '2.0'
                    IdentitySource: [route.request.header.Auth]
                    AuthorizerResultTtlInSeconds: 0  # expect CA04
                """);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("HTTP API authorizer ByPayloadFormat caches no results"));
    }

    @Test
    void runsLiveAndJudgesEachTypeOnItsOwn() {
        assertThat(CacheTtlUnset.METADATA.sources()).contains(dev.resilint.core.SourceKind.LIVE);
        assertThat(CacheTtlUnset.METADATA.independentTypes()).isTrue();
        assertThat(CacheTtlUnset.METADATA.judgedTypes()).containsExactly("AWS::DAX::ParameterGroup",
                "AWS::ApiGateway::Authorizer", "AWS::ApiGatewayV2::Authorizer");
    }
}
