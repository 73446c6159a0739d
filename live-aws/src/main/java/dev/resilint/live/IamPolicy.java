package dev.resilint.live;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read-only IAM policy a scan needs: every action a collector may call, plus the calls that
 * find the accounts and regions. {@code docs/iam-policy.json} and the role in
 * {@code docs/readonly-role.yaml} are generated from it, and a test holds the collectors to it.
 */
public final class IamPolicy {

    /** Calls the scan makes besides the collectors'. */
    static final List<String> SCAN_ACTIONS = List.of("ec2:DescribeRegions", "organizations:ListAccounts");

    private IamPolicy() {
    }

    /** Every action, sorted. */
    public static List<String> actions() {
        Set<String> all = new TreeSet<>(Collectors.actions());
        all.addAll(SCAN_ACTIONS);
        return List.copyOf(all);
    }

    /** The policy document, as {@code docs/iam-policy.json} holds it. */
    public static String json() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n");
        sb.append("      \"Sid\": \"ResilintReadOnlyScan\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\n");
        List<String> actions = actions();
        for (int i = 0; i < actions.size(); i++) {
            sb.append("        \"").append(actions.get(i)).append('"').append(i + 1 < actions.size() ? "," : "")
                    .append('\n');
        }
        sb.append("      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n");
        return sb.toString();
    }
}
