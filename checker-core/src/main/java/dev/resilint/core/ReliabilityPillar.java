package dev.resilint.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * The best practices of the AWS Well-Architected Reliability Pillar that rules cite: id, title and
 * the page of each. A page's name cannot be derived from the id (REL10-BP01 is
 * {@code rel_fault_isolation_multiaz_region_system.html}), so each is listed here; a rule citing an
 * id that is not listed fails when its metadata is built.
 */
public final class ReliabilityPillar {

    /** Where the pillar's best practice pages are. */
    public static final String BASE_URL = "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/";

    /** One best practice: {@code REL10-BP01}, its title, and its page. */
    public record Practice(String id, String title, String page) {
        /** The link to the practice's own page. */
        public String url() {
            return BASE_URL + page + ".html";
        }
    }

    private static final Map<String, Practice> PRACTICES = new TreeMap<>();

    static {
        add("REL05-BP02", "Throttle requests", "rel_mitigate_interaction_failure_throttle_requests");
        add("REL05-BP03", "Control and limit retry calls", "rel_mitigate_interaction_failure_limit_retries");
        add("REL05-BP04", "Fail fast and limit queues", "rel_mitigate_interaction_failure_fail_fast");
        add("REL05-BP05", "Set client timeouts", "rel_mitigate_interaction_failure_client_timeouts");
        add("REL06-BP01", "Monitor all components for the workload (Generation)",
                "rel_monitor_aws_resources_monitor_resources");
        add("REL07-BP01", "Use automation when obtaining or scaling resources", "rel_adapt_to_changes_autoscale_adapt");
        add("REL08-BP04", "Deploy using immutable infrastructure",
                "rel_tracking_change_management_immutable_infrastructure");
        add("REL08-BP05", "Deploy changes with automation", "rel_tracking_change_management_automated_changemgmt");
        add("REL09-BP01", "Identify and back up all data that needs to be backed up, or reproduce the data from sources",
                "rel_backing_up_data_identified_backups_data");
        add("REL09-BP03", "Perform data backup automatically", "rel_backing_up_data_automated_backups_data");
        add("REL10-BP01", "Deploy the workload to multiple locations", "rel_fault_isolation_multiaz_region_system");
        add("REL10-BP03", "Use bulkhead architectures to limit scope of impact", "rel_fault_isolation_use_bulkhead");
        add("REL11-BP01", "Monitor all components of the workload to detect failures",
                "rel_withstand_component_failures_monitoring_health");
        add("REL11-BP03", "Automate healing on all layers", "rel_withstand_component_failures_auto_healing_system");
        add("REL11-BP05", "Use static stability to prevent bimodal behavior",
                "rel_withstand_component_failures_static_stability");
        add("REL12-BP01", "Use playbooks to investigate failures", "rel_testing_resiliency_playbook_resiliency");
        add("REL13-BP01", "Define recovery objectives for downtime and data loss",
                "rel_planning_for_recovery_objective_defined_recovery");
        add("REL13-BP02", "Use defined recovery strategies to meet the recovery objectives",
                "rel_planning_for_recovery_disaster_recovery");
    }

    private ReliabilityPillar() {
    }

    private static void add(String id, String title, String page) {
        PRACTICES.put(id, new Practice(id, title, page));
    }

    /**
     * The best practice of this id.
     *
     * @throws IllegalArgumentException when it is not listed here
     */
    public static Practice practice(String id) {
        Practice p = PRACTICES.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown Reliability Pillar best practice " + id
                    + ": add its title and page to ReliabilityPillar");
        }
        return p;
    }
}
