package dev.resilint.core;

import static dev.resilint.core.testing.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final Location.Template DB = new Location.Template("stacks/db.yaml", 12, 3, "Resources/Db",
            "Db", "AWS::RDS::DBInstance");

    @Test
    void isTheDocumentedHashOfVersionRuleKeyAndDiscriminator() throws Exception {
        String material = "v1\u0000AZ04\u0000template\u0000stacks/db.yaml\u0000Resources/Db\u0000primary";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        assertThat(Fingerprints.of("AZ04", DB, "primary")).isEqualTo(HexFormat.of().formatHex(digest, 0, 16))
                .hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void doesNotDependOnLineOrColumn() {
        Location moved = new Location.Template("stacks/db.yaml", 140, 7, "Resources/Db", "Db", "AWS::RDS::DBInstance");
        Location unknown = new Location.Template("stacks/db.yaml", 0, 0, "Resources/Db", "Db", "AWS::RDS::DBInstance");
        assertThat(Fingerprints.of("AZ04", moved, "")).isEqualTo(Fingerprints.of("AZ04", DB, ""))
                .isEqualTo(Fingerprints.of("AZ04", unknown, ""));
    }

    @Test
    void aNullDiscriminatorIsTheEmptyOne() {
        assertThat(Fingerprints.of("AZ04", DB, null)).isEqualTo(Fingerprints.of("AZ04", DB, ""));
    }

    @Test
    void differsByLogicalPathFileRuleAndDiscriminator() {
        String base = Fingerprints.of("AZ04", DB, "");
        assertThat(Fingerprints.of("AZ04", at("stacks/db.yaml", 12, "Resources/Db/Properties/MultiAZ"), ""))
                .as("logical path").isNotEqualTo(base);
        assertThat(Fingerprints.of("AZ04", at("stacks/other.yaml", 12, "Resources/Db"), ""))
                .as("file").isNotEqualTo(base);
        assertThat(Fingerprints.of("AZ05", DB, "")).as("rule").isNotEqualTo(base);
        assertThat(Fingerprints.of("AZ04", DB, "replica")).as("discriminator").isNotEqualTo(base);
    }

    @Test
    void doesNotDependOnMessageOrSeverity() {
        Finding a = Finding.of("AZ04", Severity.WARNING, "one text", DB, "");
        Finding b = Finding.of("AZ04", Severity.ERROR, "another text", DB, "");
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void liveFingerprintsFollowTheArn() {
        Location a = new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:orders", "123456789012", "eu-west-1",
                "AWS::RDS::DBInstance");
        Location sameArn = new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:orders", null, null, null);
        Location other = new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:billing", "123456789012",
                "eu-west-1", "AWS::RDS::DBInstance");
        assertThat(Fingerprints.of("AZ04", a, "")).isEqualTo(Fingerprints.of("AZ04", sameArn, ""))
                .isNotEqualTo(Fingerprints.of("AZ04", other, ""));
    }

    @Test
    void codeFingerprintsFollowClassAndMemberNotLine() {
        Location a = new Location.Code("com.acme.Client", "call", "src/main/java/com/acme/Client.java", 40);
        Location moved = new Location.Code("com.acme.Client", "call", "src/main/java/com/acme/Client.java", 90);
        Location unresolved = new Location.Code("com.acme.Client", "call", null, 0);
        Location otherMember = new Location.Code("com.acme.Client", "send", "src/main/java/com/acme/Client.java", 40);
        assertThat(Fingerprints.of("CB01", a, "")).isEqualTo(Fingerprints.of("CB01", moved, ""))
                .isEqualTo(Fingerprints.of("CB01", unresolved, ""))
                .isNotEqualTo(Fingerprints.of("CB01", otherMember, ""));
    }

    @Test
    void kindsOfLocationNeverShareAFingerprint() {
        Location template = new Location.Template("x", 1, 1, "y", "", "");
        Location code = new Location.Code("x", "y", "", 0);
        assertThat(Fingerprints.of("AZ01", template, "")).isNotEqualTo(Fingerprints.of("AZ01", code, ""));
    }

    @Test
    void repeatedFingerprintsDifferFromTheOriginalAndFromEachOther() {
        String fp = Fingerprints.of("AZ04", DB, "");
        assertThat(Fingerprints.repeated(fp, 2)).isNotEqualTo(fp).isNotEqualTo(Fingerprints.repeated(fp, 3))
                .isEqualTo(Fingerprints.repeated(fp, 2)).matches("[0-9a-f]{32}");
    }
}
