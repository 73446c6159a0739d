package dev.resilint.core.report;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the format CI servers (Jenkins, GitLab, Azure DevOps, GitHub test reporters) show as
 * test results. One {@code <testsuite>} per rule that ran, named {@code resilint.ID Name}; in it one
 * {@code <testcase>} per resource the rule reported on ({@code classname} the file, ARN or class;
 * {@code name} the resource id, resource type or member):
 *
 * <ul>
 *   <li>findings at or above the failure threshold make the case fail ({@code <failure type=
 *       "severity">}, one line per finding in its body);
 *   <li>what a live scan could not evaluate is a {@code <skipped>} case in the suite
 *       {@code resilint.not-evaluated}, one per account, region, type and cause;</li>
 *   <li>a case with findings below the threshold only is {@code <skipped>}, its findings in
 *       {@code <system-out>}: recorded and visible, but not red;
 *   <li>with {@link ReportOptions#includeSuppressed()}, suppressed findings join their case; a
 *       case with suppressed findings only is skipped with the suppression's reason;
 *   <li>a rule without findings gets one passing case named {@code no findings}.
 * </ul>
 *
 * Problems become {@code <error>} cases in a suite named {@code resilint}. Baselined findings are
 * not listed. Attributes are written in a fixed order; there are no timestamps or durations.
 */
public final class JunitReporter implements Reporter {

    private final ReportOptions options;

    public JunitReporter(ReportOptions options) {
        this.options = options;
    }

    /** A testcase's identity and its findings. */
    private record Case(String classname, String name, List<Finding> findings) {
    }

    /** What a testcase became. */
    private enum Outcome { PASSED, FAILED, SKIPPED, ERROR }

    /** A testcase ready to write. */
    private record Rendered(String classname, String name, Outcome outcome, String type, String message,
            String body) {
    }

    /** A testsuite ready to write. */
    private record Suite(String name, List<Rendered> cases) {
        long count(Outcome outcome) {
            return cases.stream().filter(c -> c.outcome() == outcome).count();
        }
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        List<Suite> suites = suites(report);
        try {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "resilint");
            counts(xml, suites.stream().flatMap(s -> s.cases().stream()).toList());
            for (Suite suite : suites) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.name());
                counts(xml, suite.cases());
                for (Rendered c : suite.cases()) {
                    writeCase(xml, c);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private List<Suite> suites(Report report) {
        Map<String, List<Finding>> byRule = new TreeMap<>();
        for (RuleMetadata rule : report.rules()) {
            byRule.put(rule.id(), new ArrayList<>());
        }
        for (Finding f : Places.shown(report, options)) {
            byRule.computeIfAbsent(f.ruleId(), id -> new ArrayList<>()).add(f);
        }
        List<Suite> suites = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            Optional<RuleMetadata> rule = Places.rule(report, e.getKey());
            String name = "resilint." + e.getKey() + rule.map(r -> " " + r.name()).orElse("");
            List<Rendered> cases = new ArrayList<>();
            for (Case c : cases(e.getValue())) {
                cases.add(render(report, c, rule));
            }
            if (cases.isEmpty()) {
                cases.add(new Rendered("resilint." + e.getKey(), "no findings", Outcome.PASSED, "", "", ""));
            }
            suites.add(new Suite(name, cases));
        }
        if (!report.problems().isEmpty()) {
            List<Rendered> cases = new ArrayList<>();
            for (Problem p : report.problems()) {
                cases.add(problemCase(p));
            }
            suites.add(new Suite("resilint", cases));
        }
        List<NotEvaluatedGroup> gaps = NotEvaluatedGroup.of(report.notEvaluated());
        if (!gaps.isEmpty()) {
            List<Rendered> cases = new ArrayList<>();
            for (NotEvaluatedGroup g : gaps) {
                String name = (g.resourceType().equals("*") ? "every resource type" : g.resourceType())
                        + (g.subject().isEmpty() ? "" : " " + g.subject()) + " (" + String.join(", ", g.rules()) + ")";
                cases.add(new Rendered(g.scopeDisplay(), name, Outcome.SKIPPED, g.reason().label(),
                        "not evaluated: " + g.reason().label() + (g.detail().isEmpty() ? "" : ": " + g.detail()), ""));
            }
            suites.add(new Suite("resilint.not-evaluated", cases));
        }
        return suites;
    }

    /** Findings of one rule, by resource, sorted by classname and name. */
    private static List<Case> cases(List<Finding> findings) {
        Map<List<String>, List<Finding>> byResource = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Finding f : findings) {
            byResource.computeIfAbsent(List.of(classname(f.location()), caseName(f.location())),
                    k -> new ArrayList<>()).add(f);
        }
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<List<String>, List<Finding>> e : byResource.entrySet()) {
            List<Finding> list = new ArrayList<>(e.getValue());
            list.sort(Engine.ORDER);
            cases.add(new Case(e.getKey().get(0), e.getKey().get(1), list));
        }
        return cases;
    }

    static String classname(Location location) {
        if (location instanceof Location.Live l) {
            return l.arn();
        }
        if (location instanceof Location.Code c) {
            return c.className();
        }
        return location.file();
    }

    static String caseName(Location location) {
        if (location instanceof Location.Template t) {
            if (!t.resourceId().isEmpty()) {
                return t.resourceId();
            }
            return t.logicalPath().isEmpty() ? "(template)" : t.logicalPath();
        }
        if (location instanceof Location.Live l) {
            return l.resourceType().isEmpty() ? "resource" : l.resourceType();
        }
        Location.Code c = (Location.Code) location;
        return c.member().isEmpty() ? "(class)" : c.member();
    }

    private Rendered render(Report report, Case c, Optional<RuleMetadata> rule) {
        List<Finding> active = c.findings().stream().filter(f -> !f.isSuppressed()).toList();
        List<Finding> failing = active.stream().filter(f -> report.threshold().fails(f.severity())).toList();
        StringBuilder body = new StringBuilder();
        for (Finding f : c.findings()) {
            body.append(f.severity().label()).append(' ').append(f.ruleId()).append(" at ")
                    .append(f.location().display());
            String detail = Places.detail(f.location());
            if (!detail.isEmpty() && !detail.equals(f.location().display())) {
                body.append(" [").append(detail).append(']');
            }
            body.append(": ").append(f.message());
            if (f.isSuppressed()) {
                body.append(" (suppressed: ").append(Places.reason(f)).append(')');
            }
            body.append('\n');
        }
        rule.ifPresent(r -> body.append("See ").append(r.helpUri()).append('\n'));
        if (!failing.isEmpty()) {
            Severity worst = failing.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
            return new Rendered(c.classname(), c.name(), Outcome.FAILED, worst.label(), messages(failing),
                    body.toString());
        }
        if (!active.isEmpty()) {
            String message = "below the failure threshold (" + report.threshold().label() + "): " + messages(active);
            return new Rendered(c.classname(), c.name(), Outcome.SKIPPED, "", message, body.toString());
        }
        return new Rendered(c.classname(), c.name(), Outcome.SKIPPED, "",
                "suppressed: " + Places.reason(c.findings().get(0)), body.toString());
    }

    private static String messages(List<Finding> findings) {
        return String.join("; ", findings.stream().map(Finding::message).toList());
    }

    private static Rendered problemCase(Problem p) {
        boolean internal = p.kind() == Problem.Kind.INTERNAL_ERROR;
        StringBuilder name = new StringBuilder(internal ? "internal error" : "input error");
        if (!p.ruleId().isEmpty()) {
            name.append(" in rule ").append(p.ruleId());
        }
        if (p.line() > 0) {
            name.append(" at ").append(p.line());
            if (p.column() > 0) {
                name.append(':').append(p.column());
            }
        }
        return new Rendered(p.file().isEmpty() ? "resilint" : p.file(), name.toString(), Outcome.ERROR,
                internal ? "internal-error" : "input-error", p.message(), p.display() + "\n");
    }

    private static void counts(XMLStreamWriter xml, List<Rendered> cases) throws XMLStreamException {
        Suite all = new Suite("", cases);
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(all.count(Outcome.FAILED)));
        xml.writeAttribute("errors", String.valueOf(all.count(Outcome.ERROR)));
        xml.writeAttribute("skipped", String.valueOf(all.count(Outcome.SKIPPED)));
    }

    private static void writeCase(XMLStreamWriter xml, Rendered c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (c.outcome() == Outcome.PASSED) {
            xml.writeEmptyElement("testcase");
            caseAttributes(xml, c);
            return;
        }
        xml.writeStartElement("testcase");
        caseAttributes(xml, c);
        xml.writeCharacters("\n      ");
        if (c.outcome() == Outcome.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", attribute(c.message()));
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(c.body()));
            xml.writeEndElement();
        } else {
            xml.writeStartElement(c.outcome() == Outcome.FAILED ? "failure" : "error");
            xml.writeAttribute("type", c.type());
            xml.writeAttribute("message", attribute(c.message()));
            xml.writeCharacters(text(c.body()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void caseAttributes(XMLStreamWriter xml, Rendered c) throws XMLStreamException {
        xml.writeAttribute("classname", attribute(c.classname()));
        xml.writeAttribute("name", attribute(c.name()));
    }

    /** Attribute values on one line: parsers turn raw line breaks in attributes into spaces anyway. */
    private static String attribute(String value) {
        return text(value).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Drops characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates). */
    static String text(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().filter(JunitReporter::isXmlChar).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
