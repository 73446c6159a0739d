package dev.resilint.infra.rules.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCachingTtlHighTest {

    private static final String HEAD = """
            Parameters:
              Ttl: {Type: Number}
            Conditions:
              Never: !Equals [a, b]
              Maybe: !Equals [!Ref Ttl, '5']
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
            """;

    /** A distribution Cdn whose custom error responses are {@code items} (from line 12). */
    private static List<Finding> check(String attributes, String items) {
        return Expect.findings(new ErrorCachingTtlHigh(), HEAD + attributes.indent(4) + """
                    Properties:
                      DistributionConfig:
                        Enabled: true
                        CustomErrorResponses:
                """ + items.indent(10));
    }

    private static List<Finding> check(String items) {
        return check("", items);
    }

    @Test
    void firesOnEachServerErrorCachedLongerThanAMinute() {
        List<Finding> findings = check("""
                - ErrorCode: 503
                  ErrorCachingMinTTL: 300  # expect CA03
                - ErrorCode: 502
                  ResponseCode: 200
                  ErrorCachingMinTTL: '86400'  # expect CA03
                """);
        assertThat(findings).hasSize(2);
        Finding first = findings.get(0);
        Location.Template at = (Location.Template) first.location();
        assertThat(at.line()).isEqualTo(14);
        assertThat(at.column()).isEqualTo(13);
        assertThat(first.message()).isEqualTo("CloudFront distribution Cdn caches 503 errors for 300 seconds "
                + "(ErrorCachingMinTTL), so a short origin failure is served from the edge for minutes after the "
                + "origin recovers; set ErrorCachingMinTTL to 60 seconds or less for 503");
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void quietForClientErrorsShortTimesAndTheTenSecondDefault() {
        assertThat(check("""
                - {ErrorCode: 404, ErrorCachingMinTTL: 3600, ResponseCode: 200, ResponsePagePath: /index.html}
                - {ErrorCode: 403, ErrorCachingMinTTL: 300}
                - {ErrorCode: 500, ErrorCachingMinTTL: 60}
                - {ErrorCode: 504, ErrorCachingMinTTL: 0}
                - {ErrorCode: 502}
                """)).isEmpty();
    }

    @Test
    void quietWhenUnknown() {
        // a condition inside the list leaves the list itself to the condition: not one known list
        assertThat(check("""
                - {ErrorCode: 503, ErrorCachingMinTTL: !Ref Ttl}
                - {ErrorCode: !Ref Ttl, ErrorCachingMinTTL: 300}
                - {ErrorCode: 500, ErrorCachingMinTTL: !If [Maybe, 10, 300]}
                """)).isEmpty();
        assertThat(check("""
                - {ErrorCode: 503, ErrorCachingMinTTL: !Ref Ttl}
                """)).isEmpty();
    }

    @Test
    void quietWhenTheListIsUnknownOrTheConditionProvablyFalse() {
        assertThat(Expect.findings(new ErrorCachingTtlHigh(), HEAD + """
                    Properties:
                      DistributionConfig: {Enabled: true, CustomErrorResponses: !Ref Ttl}
                """)).isEmpty();
        assertThat(check("Condition: Never\n", "- {ErrorCode: 503, ErrorCachingMinTTL: 300}\n")).isEmpty();
    }
}
