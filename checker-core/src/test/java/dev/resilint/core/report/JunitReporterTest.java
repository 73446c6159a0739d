package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitReporterTest {

    private static Element parse(Report report, ReportOptions options) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(render(ReportFormat.JUNIT, report, options))));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                list.add(e);
            }
        }
        return list;
    }

    private static Element suite(Element root, String name) {
        return children(root, "testsuite").stream().filter(s -> s.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no suite " + name));
    }

    private static Element testcase(Element suite, String classname, String name) {
        return children(suite, "testcase").stream()
                .filter(c -> c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no case " + classname + " " + name));
    }

    private static int count(Element e, String attribute) {
        return Integer.parseInt(e.getAttribute(attribute));
    }

    @Test
    void oneSuitePerRuleAndOneForProblems() {
        Element root = parse(ReportFixtures.full(), options());
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(children(root, "testsuite")).extracting(s -> s.getAttribute("name")).containsExactly(
                "resilint.AZ04 RdsInstanceSingleAz", "resilint.CA01 CacheWithoutTtl",
                "resilint.CT01 HttpClientWithoutTimeout", "resilint.LB01 SingleInstanceWithoutLoadBalancer",
                "resilint.QU01 QueueWithoutDeadLetterQueue", "resilint.RL01 InvalidSuppression", "resilint");
    }

    @Test
    void findingsAtTheThresholdFail() {
        Element az04 = suite(parse(ReportFixtures.full(), options()), "resilint.AZ04 RdsInstanceSingleAz");
        assertThat(children(az04, "testcase")).hasSize(2);
        Element db = testcase(az04, "stacks/db.yaml", "Db");
        Element failure = children(db, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("warning");
        assertThat(failure.getAttribute("message")).isEqualTo("RDS instance Db is not Multi-AZ | set MultiAZ: true");
        assertThat(failure.getTextContent()).contains("stacks/db.yaml:12:7", "Resources/Db/Properties/MultiAZ",
                ReportFixtures.rdsMultiAz().helpUri());
        Element live = testcase(az04, ReportFixtures.ORDERS_ARN, "AWS::RDS::DBInstance");
        assertThat(children(live, "failure")).hasSize(1);
        assertThat(count(az04, "tests")).isEqualTo(2);
        assertThat(count(az04, "failures")).isEqualTo(2);

        Element ct01 = suite(parse(ReportFixtures.full(), options()), "resilint.CT01 HttpClientWithoutTimeout");
        assertThat(children(testcase(ct01, "com.example.OrderClient", "fetch"), "failure").get(0)
                .getAttribute("type")).isEqualTo("error");
        assertThat(children(testcase(ct01, "com.example.Legacy", "(class)"), "failure")).hasSize(1);
    }

    @Test
    void findingsBelowTheThresholdAreSkipped() {
        Element ca01 = suite(parse(ReportFixtures.full(), options()), "resilint.CA01 CacheWithoutTtl");
        Element cache = testcase(ca01, "stacks/db.yaml", "Cache");
        assertThat(children(cache, "failure")).isEmpty();
        assertThat(children(cache, "skipped").get(0).getAttribute("message"))
                .isEqualTo("below the failure threshold (warning): Cache has no TTL <b>*stale*</b>");
        assertThat(children(cache, "system-out").get(0).getTextContent()).contains("note CA01");
        assertThat(count(ca01, "skipped")).isEqualTo(1);
        assertThat(count(ca01, "failures")).isZero();
    }

    @Test
    void rulesWithoutFindingsPass() {
        Element root = parse(ReportFixtures.full(), options());
        Element qu01 = suite(root, "resilint.QU01 QueueWithoutDeadLetterQueue");
        Element only = children(qu01, "testcase").get(0);
        assertThat(children(qu01, "testcase")).hasSize(1);
        assertThat(only.getAttribute("name")).isEqualTo("no findings");
        assertThat(only.getChildNodes().getLength()).isZero();
        assertThat(count(qu01, "tests")).isEqualTo(1);
        assertThat(count(qu01, "failures") + count(qu01, "skipped") + count(qu01, "errors")).isZero();
    }

    @Test
    void suppressedFindingsSkippedWhenAskedFor() {
        Element root = parse(ReportFixtures.full(), options(false, false, true));
        Element replica = testcase(suite(root, "resilint.AZ04 RdsInstanceSingleAz"), "stacks/db.yaml", "Replica");
        assertThat(children(replica, "skipped").get(0).getAttribute("message"))
                .isEqualTo("suppressed: Replica is rebuilt from snapshots nightly");
        Element qu01 = suite(root, "resilint.QU01 QueueWithoutDeadLetterQueue");
        assertThat(children(qu01, "testcase")).hasSize(1);
        assertThat(count(qu01, "skipped")).isEqualTo(1);
    }

    @Test
    void problemsAreErrors() {
        Element problems = suite(parse(ReportFixtures.full(), options()), "resilint");
        assertThat(count(problems, "errors")).isEqualTo(2);
        Element input = testcase(problems, "stacks/broken.yaml", "input error at 3:1");
        Element error = children(input, "error").get(0);
        assertThat(error.getAttribute("type")).isEqualTo("input-error");
        assertThat(error.getAttribute("message")).isEqualTo("mapping values are not allowed here");
        Element internal = testcase(problems, "stacks/web app.yaml", "internal error in rule LB01");
        assertThat(children(internal, "error").get(0).getAttribute("type")).isEqualTo("internal-error");
    }

    @Test
    void totalsAddUp() {
        for (ReportOptions options : List.of(options(), options(false, false, true))) {
            Element root = parse(ReportFixtures.full(), options);
            int tests = 0;
            int failures = 0;
            int errors = 0;
            int skipped = 0;
            for (Element suite : children(root, "testsuite")) {
                List<Element> cases = children(suite, "testcase");
                assertThat(count(suite, "tests")).isEqualTo(cases.size());
                assertThat(count(suite, "failures")).isEqualTo(cases.stream().mapToInt(c -> children(c, "failure").size()).sum());
                assertThat(count(suite, "errors")).isEqualTo(cases.stream().mapToInt(c -> children(c, "error").size()).sum());
                assertThat(count(suite, "skipped")).isEqualTo(cases.stream().mapToInt(c -> children(c, "skipped").size()).sum());
                tests += cases.size();
                failures += count(suite, "failures");
                errors += count(suite, "errors");
                skipped += count(suite, "skipped");
            }
            assertThat(count(root, "tests")).isEqualTo(tests);
            assertThat(count(root, "failures")).isEqualTo(failures);
            assertThat(count(root, "errors")).isEqualTo(errors);
            assertThat(count(root, "skipped")).isEqualTo(skipped);
        }
        Element root = parse(ReportFixtures.full(), options());
        assertThat(count(root, "failures")).isEqualTo(5);
        assertThat(count(root, "errors")).isEqualTo(2);
        assertThat(count(root, "skipped")).isEqualTo(1);
    }

    @Test
    void severalFindingsOnOneResourceMakeOneCase() {
        Location.Template a = new Location.Template("t.yaml", 4, 5, "Resources/Db/Properties/MultiAZ", "Db", "");
        Location.Template b = new Location.Template("t.yaml", 9, 5, "Resources/Db/Properties/Engine", "Db", "");
        Report report = new Report(List.of(ReportFixtures.rdsMultiAz()),
                List.of(Finding.of("AZ04", Severity.NOTE, "first", a, null),
                        Finding.of("AZ04", Severity.ERROR, "second", b, null)),
                List.of(), List.of(), List.of(), false, List.of(), List.of("t.yaml"), List.of(), FailThreshold.ERROR);
        Element suite = suite(parse(report, options()), "resilint.AZ04 RdsInstanceSingleAz");
        Element only = testcase(suite, "t.yaml", "Db");
        assertThat(children(suite, "testcase")).hasSize(1);
        Element failure = children(only, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getAttribute("message")).isEqualTo("second");
        assertThat(failure.getTextContent()).contains("note AZ04 at t.yaml:4:5", "error AZ04 at t.yaml:9:5");
    }

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        String nasty = "a \"quoted\" <tag> & ]]> \u0001bell\nnext line";
        Location.Template at = new Location.Template("x<y>.yaml", 1, 1, "Resources/R", "R&D", "");
        Report report = new Report(List.of(ReportFixtures.rdsMultiAz()),
                List.of(Finding.of("AZ04", Severity.ERROR, nasty, at, null)),
                List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(), FailThreshold.ERROR);
        Element root = parse(report, options());
        Element c = testcase(suite(root, "resilint.AZ04 RdsInstanceSingleAz"), "x<y>.yaml", "R&D");
        Element failure = children(c, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("a \"quoted\" <tag> & ]]> bell next line");
        assertThat(failure.getTextContent()).contains("a \"quoted\" <tag> & ]]> bell\nnext line");
    }

    @Test
    void emptyReport() {
        Element root = parse(ReportFixtures.empty(), options());
        assertThat(children(root, "testsuite")).isEmpty();
        assertThat(count(root, "tests")).isZero();
        Element clean = parse(ReportFixtures.clean(), options());
        assertThat(children(clean, "testsuite")).hasSize(ReportFixtures.rules().size());
        assertThat(count(clean, "tests")).isEqualTo(ReportFixtures.rules().size());
        assertThat(count(clean, "failures")).isZero();
    }
}
